"""The GitHub Pages workflow is valid YAML and tests, builds strictly, uploads and deploys."""

import yaml

from sitebuild import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "pages.yml"


def _workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(job):
    return _workflow()["jobs"][job]["steps"]


def test_workflow_runs_on_pushes_to_main():
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]


def test_workflow_permissions_are_minimal():
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in workflow["jobs"]["build"]


def test_build_job_tests_then_builds_strictly_then_uploads():
    steps = _steps("build")
    commands = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/checkout" in uses
    assert "make venv" in commands, "the pinned requirements must be installed"
    test_at = commands.index("make test")
    build_at = commands.index("make build")
    upload_at = uses.index("actions/upload-pages-artifact")
    assert test_at < build_at < upload_at
    assert steps[upload_at]["with"]["path"] == "site"


def test_site_url_comes_from_the_repository_pages_settings():
    steps = _steps("build")
    build_step = next(step for step in steps if step.get("run") == "make build")
    configure = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    assert build_step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]


def test_deploy_job_deploys_the_uploaded_artifact():
    deploy = _workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_makefile_build_target_is_strict():
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in makefile
    assert "export NO_MKDOCS_2_WARNING := 1" in makefile
    assert " -q" not in makefile.split("build:")[1].split("\n\n")[0], "a quiet build hides warnings"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme.split("\n## ")[0], "the README must open with the test command"
    assert ci.strip().splitlines()[-1] == "make test"


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
