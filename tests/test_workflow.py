"""The GitHub Pages workflow runs commands that exist, the same ones as `.ci/run`, and its settings reach the build."""

import os
import shlex
import subprocess
import sys

import yaml
from mkdocs.config import load_config

from sitebuild import CONFIG_FILE, REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "pages.yml"
CI_RUN = REPO_ROOT / ".ci" / "run"


def _workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(job):
    return _workflow()["jobs"][job]["steps"]


def _commands(script: str) -> list[list[str]]:
    """The commands of a shell script or `run:` block, as words, without `sudo`, comments and shell set-up."""
    commands = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["sudo"]:
            words = words[1:]
        if words and words[0] not in {"set", "cd"}:
            commands.append(words)
    return commands


def _dry_run(*target: str) -> str:
    """What `make -n` would run for ``target``; fails if the Makefile has no such target."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", *target], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"make -n {' '.join(target)} fails: {result.stderr}"
    return result.stdout


def test_workflow_runs_on_pushes_to_main():
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]


def test_workflow_permissions_are_minimal():
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in workflow["jobs"]["build"]


def test_every_command_the_workflow_runs_exists():
    """Each `make` target is in the Makefile (dry run) and each script exists and parses."""
    commands = [words for step in _steps("build") for words in _commands(step.get("run", ""))]
    assert commands
    for words in commands:
        if words[0] == "make":
            _dry_run(*words[1:])
        elif words[0] == "bash":
            script = REPO_ROOT / words[1]
            assert script.is_file(), f"the workflow runs {words[1]}, which does not exist"
            syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
            assert syntax.returncode == 0, f"{words[1]}: {syntax.stderr}"
        else:
            raise AssertionError(f"the workflow runs {shlex.join(words)}: neither a make target nor a script of ours")


def test_workflow_runs_what_ci_run_runs_in_the_same_order():
    """`.ci/run` is how the README reproduces CI on a fresh machine: the workflow runs the same commands."""
    workflow = [words for step in _steps("build") for words in _commands(step.get("run", ""))]
    position = 0
    for words in _commands(CI_RUN.read_text(encoding="utf-8")):
        missing = f".ci/run runs {shlex.join(words)}, which the workflow does not (or not in this order)"
        assert words in workflow[position:], missing
        position = workflow.index(words, position) + 1


def test_ci_runs_the_readme_test_command_before_building():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme.split("\n## ")[0], "the README must open with the test command"
    commands = [shlex.join(words) for step in _steps("build") for words in _commands(step.get("run", ""))]
    assert commands.index("make test") < commands.index("make build")


def test_ci_checks_originality_against_the_fingerprints_alone():
    """The notes are not in the repository: without SOURCE_NOTES=none the originality test fails in CI."""
    test_step = next(step for step in _steps("build") if step.get("run") == "make test")
    assert test_step.get("env", {}).get("SOURCE_NOTES") == "none"


def _make_variable(name: str) -> str:
    """The value the Makefile gives ``name`` by default."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "--eval", f"print-variable: ; @echo $({name})", "print-variable"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_the_uploaded_folder_is_the_one_make_build_writes():
    steps = _steps("build")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    build = next(step for step in steps if step.get("run") == "make build")
    assert steps.index(build) < steps.index(upload)
    assert _make_variable("SITE_DIR") == upload["with"]["path"]


def test_make_build_runs_mkdocs_strictly_without_the_banner_into_the_site_folder(tmp_path):
    """The real `make build`, with a stand-in for MkDocs that records how it is called (BIN points at it)."""
    bin_dir, calls, site = tmp_path / "bin", tmp_path / "calls", tmp_path / "site"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (bin_dir / "mkdocs").write_text(
        '#!/bin/sh\necho "NO_MKDOCS_2_WARNING=$NO_MKDOCS_2_WARNING" "$@" > "$CALLS"\n'
        'while [ "$1" != --site-dir ]; do shift; done; mkdir -p "$2" && echo built > "$2/index.html"\n'
    )
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    environment = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    stamp = _make_variable("STAMP")  # treated as up to date: the stand-in BIN must not be set up
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", stamp, "build", f"SITE_DIR={site}", f"BIN={bin_dir}"],
        cwd=REPO_ROOT, env={**environment, "CALLS": str(calls)}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    banner_switch, *arguments = calls.read_text().split()
    assert banner_switch == "NO_MKDOCS_2_WARNING=1", "make must silence the MkDocs 2 end-of-life banner"
    assert arguments[0] == "build" and "--strict" in arguments, arguments
    assert not {"-q", "--quiet"} & set(arguments), "a quiet build hides warnings"
    assert (site / "index.html").read_text() == "built\n"


def test_site_url_from_the_workflow_reaches_the_build(monkeypatch):
    steps = _steps("build")
    build = next(step for step in steps if step.get("run") == "make build")
    configure = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/a-fork/")
    assert load_config(str(CONFIG_FILE))["site_url"] == "https://someone.github.io/a-fork/"


def test_deploy_job_deploys_the_uploaded_artifact():
    deploy = _workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_requirements_are_exact_pins_with_mkdocs_below_2():
    lines = [
        line
        for line in (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]
    pins = dict(line.split("==") for line in lines)
    assert int(pins["mkdocs"].split(".")[0]) < 2
    for needed in ("mkdocs-material", "pymdown-extensions", "pytest", "PyYAML"):
        assert needed in pins, f"{needed} is not pinned"
