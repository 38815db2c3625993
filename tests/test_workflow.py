"""The GitHub Pages workflow runs commands that exist, the same ones as `.ci/run`, and its settings reach the build."""

import shlex
import subprocess

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
        assert words in workflow[position:], f".ci/run runs {shlex.join(words)}, which the workflow does not (or not in order)"
        position = workflow.index(words, position) + 1


def test_ci_runs_the_readme_test_command_before_building():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme.split("\n## ")[0], "the README must open with the test command"
    commands = [shlex.join(words) for step in _steps("build") for words in _commands(step.get("run", ""))]
    assert commands.index("make test") < commands.index("make build")


def test_the_uploaded_folder_is_the_one_make_build_writes():
    steps = _steps("build")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    build = next(step for step in steps if step.get("run") == "make build")
    assert steps.index(build) < steps.index(upload)
    # make build runs scripts/build_site.py SITE_DIR MKDOCS, which swaps the finished site into SITE_DIR.
    command = next(line for line in _dry_run("build").splitlines() if "scripts/build_site.py" in line)
    arguments = shlex.split(command)
    site_dir = arguments[arguments.index("scripts/build_site.py") + 1]
    assert site_dir == upload["with"]["path"], command


def test_site_url_from_the_workflow_reaches_the_build(monkeypatch):
    steps = _steps("build")
    build = next(step for step in steps if step.get("run") == "make build")
    configure = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    assert build["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/a-fork/")
    assert load_config(str(CONFIG_FILE))["site_url"] == "https://someone.github.io/a-fork/"


def test_deploy_job_deploys_the_uploaded_artifact():
    deploy = _workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_make_build_is_strict_and_never_quiet():
    commands = [line for line in _dry_run("build").splitlines() if "build_site.py" in line]
    assert commands and all(" -q" not in line for line in commands), commands
    # The build script runs MkDocs itself: strictly, and never quietly.
    script = (REPO_ROOT / "scripts" / "build_site.py").read_text(encoding="utf-8")
    assert '[mkdocs, "build", "--strict", "--site-dir", str(scratch)]' in script
    assert '"-q"' not in script and '"--quiet"' not in script
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "export NO_MKDOCS_2_WARNING := 1" in makefile


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
