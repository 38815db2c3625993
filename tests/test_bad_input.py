"""A real `make build` of a copy of the project with broken input: a clear message, no traceback, and the
last good site left as it was."""

import shutil
import subprocess

import pytest

from datafixtures import edit
from sitebuild import REPO_ROOT

COPIED = ["docs", "data", "overrides", "scripts", "mkdocs.yml", "Makefile", "requirements.txt"]
VENV = REPO_ROOT / ".venv"

# (case, file, text to replace or None for the whole file, replacement, the message's key words)
BROKEN = [
    ("broken YAML", "data/glossary.yml", "- id: politburo\n", "- id: politburo\n  term: [Politburo\n",
     "data/glossary.yml, line"),
    ("wrong type", "data/glossary.yml", "  aliases: [Political Bureau]", "  aliases: {Political: Bureau}",
     "data/glossary.yml, entry 'politburo': 'aliases' should be a list of text values"),
    ("missing field", "data/people.yml", "  fate: ", "  fated: ",
     "data/people.yml, entry 'stalin': unknown field 'fated'. Fix: remove it or rename it (did you mean 'fate'?)"),
    ("unknown field", "data/timeline.yml", "- id: lenin-dies\n", "- id: lenin-dies\n  colour: red\n",
     "data/timeline.yml, entry 'lenin-dies': unknown field 'colour'"),
    ("unknown person", "data/timeline.yml", "people: [lenin, trotsky, stalin]\n  kind: death",
     "people: [lenin, trotski, stalin]\n  kind: death",
     "data/timeline.yml, entry 'lenin-dies': 'people' names 'trotski', which is not a person in people.yml"),
    ("unknown related term", "data/glossary.yml", "related: [central-committee, orgburo, secretariat, candidate-member]",
     "related: [central-committee, troika]",
     "data/glossary.yml, entry 'politburo': 'related' names 'troika', which is not a term"),
    ("unknown chapter anchor", "data/timeline.yml", "section: 02-triumvirate#lenins-death-and-funeral",
     "section: 02-triumvirate#lenins-funeral",
     "data/timeline.yml, entry 'lenin-dies': 'section' points at '#lenins-funeral'"),
    ("chapter lost a heading", "docs/chapters/02-triumvirate.md", "{#lenins-death-and-funeral}", "",
     "'section' points at '#lenins-death-and-funeral', which is not a heading in docs/chapters/02-triumvirate.md"),
    ("duplicate id", "data/timeline.yml", "- id: petrograd-renamed-leningrad\n", "- id: lenin-dies\n",
     "data/timeline.yml, entry 'lenin-dies': the id 'lenin-dies' is already used by entry"),
    ("duplicate alias", "data/glossary.yml", "  aliases: [Political Bureau]", "  aliases: [Political Bureau, NEP]",
     "the name or alias 'NEP' is already claimed by data/glossary.yml entry"),
    ("impossible date", "data/timeline.yml", "date: 1924-01-21", "date: 1925-13-40",
     "data/timeline.yml, entry 'lenin-dies': 'date': '1925-13-40' has no month 13"),
    ("badly ordered dates", "data/people.yml", "      from: 1917-11\n      to: 1918-03", "      from: 1917-11\n      to: 1916-03",
     "data/people.yml, entry 'trotsky', post 1: 'to' (1916-03) is before 'from' (1917-11)"),
    ("day for a month-precision event", "data/timeline.yml", "date: 1924-01-21\n  precision: day",
     "date: 1924-01-21\n  precision: month",
     "entry 'lenin-dies': the date 1924-01-21 is given to the day, but 'precision' says month"),
    ("script in a definition", "data/glossary.yml", "    The small inner committee", "    <script>alert(1)</script> The small inner committee",
     "data/glossary.yml, entry 'politburo': 'definition' contains HTML"),
    ("empty data file", "data/glossary.yml", None, "",
     "data/glossary.yml, the whole file: the file is empty"),
    ("not UTF-8", "data/people.yml", None, "- id: caf\xe9\n".encode("latin-1"),
     "data/people.yml, the whole file: it is not UTF-8 text"),
    ("bad paper size", None, None, None, "PDF_PAPER is 'a5'. Fix: set it to one of: a4, letter."),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A copy of the project whose data is read fresh for each case."""
    root = tmp_path_factory.mktemp("project")
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    return root


@pytest.fixture()
def project(template, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(template, root)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the last good build")
    return root


@pytest.mark.parametrize("case, file, old, new, message", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_input_fails_cleanly_and_keeps_the_last_good_site(project, case, file, old, new, message):
    paper = "a4"
    if file is None:
        paper = "a5"
    elif old is None or not isinstance(new, bytes):
        edit(project, file, old, new)
    else:
        edit(project, file, None, new)
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={VENV}", f"PAPER={paper}"],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output, output
    assert "Fix:" in output and "Traceback" not in output
    if file and file.startswith("data/"):
        assert "The guide's data has 1 problem; nothing was built." in output, output
    assert (project / "site" / "index.html").read_text() == "the last good build"
    assert sorted(path.name for path in (project / "site").iterdir()) == ["index.html"]
