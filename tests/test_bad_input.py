"""A real `make build` of a copy of the project with broken input: one clear message, no traceback, the last
good site byte for byte as it was, and nothing left behind.

Kinds of bad data that only the loader sees are covered by tests/test_load.py; the cases here reach the
build in other ways (MkDocs reads the chapters, the settings and the fonts too) or show the whole path.
"""


import pytest

from projectcopy import make, snapshot

from datafixtures import entry, mutate

FAKE_SITE = {
    "index.html": b"<!doctype html><title>the last good build</title>",
    "chapters/02-triumvirate/index.html": b"<p>chapter two</p>",
    "assets/stylesheets/extra.css": b"body { color: black }",
    "stalins-rise-to-power.pdf": b"%PDF-1.7 the last good PDF",
}


def _remove_field(file, entry_id, field):
    return lambda root: mutate(root, file, lambda entries: entry(entries, entry_id).pop(field))


def _edit(relative, old, new):
    def change(root):
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _write_bytes(relative, content):
    return lambda root: (root / relative).write_bytes(content)


def _folder_for(relative):
    def change(root):
        (root / relative).unlink()
        (root / relative).mkdir()

    return change


def _delete(relative):
    return lambda root: (root / relative).unlink()


def _fonts(conf_body):
    """A fontconfig setup that finds only the fonts in ``conf_body``'s folders."""

    def change(root):
        (root / "fonts.conf").write_text(
            f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>{conf_body}'
            f"<cachedir>{root.parent / 'fontcache'}</cachedir></fontconfig>"
        )

    return change


NO_CHANGE = None
BOMB = (
    "- id: &a [x, x, x, x, x, x, x, x, x]\n"
    "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "  f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
)

# (case, change to the copy, make arguments, environment, the message's key words)
BROKEN = [
    (
        "broken YAML",
        _edit("data/glossary.yml", "- id: politburo\n", "- id: politburo\n  term: [Politburo\n"),
        [],
        {},
        "data/glossary.yml, line 7, column 9: the YAML cannot be read",
    ),
    (
        "missing field",
        _remove_field("data/people.yml", "stalin", "fate"),
        [],
        {},
        "data/people.yml, entry 'stalin': the required field 'fate' is missing. Fix: add 'fate:' with a value",
    ),
    (
        "YAML alias bomb",
        _edit("data/glossary.yml", "- id: politburo\n", BOMB + "- id: politburo\n"),
        [],
        {},
        "data/glossary.yml, line 11: its anchors and aliases (&name, *name) expand to more than 200,000 values",
    ),
    (
        "a data file that is a folder",
        _folder_for("data/people.yml"),
        [],
        {},
        "data/people.yml, the whole file: it is a folder, not a file",
    ),
    (
        "chapter lost a heading",
        _edit("docs/chapters/02-triumvirate.md", "{#lenins-death-and-funeral}", ""),
        [],
        {},
        "'section' points at '#lenins-death-and-funeral', which is not a heading in docs/chapters/02-triumvirate.md",
    ),
    (
        "chapter deleted",
        _delete("docs/chapters/02-triumvirate.md"),
        [],
        {},
        "'section' points at docs/chapters/02-triumvirate.md, which is missing",
    ),
    (
        "chapter not UTF-8",
        _write_bytes("docs/chapters/03-duumvirate.md", "---\ntitle: caf\xe9\n---\n".encode("latin-1")),
        [],
        {},
        "docs/chapters/03-duumvirate.md: the file cannot be read as UTF-8 text",
    ),
    (
        "chapter with a byte-order mark",
        _edit("docs/chapters/02-triumvirate.md", "---\n", "\ufeff---\n"),
        [],
        {},
        "docs/chapters/02-triumvirate.md: the file starts with a byte-order mark",
    ),
    (
        "two headings with one anchor",
        _edit(
            "docs/chapters/02-triumvirate.md",
            "## The Lenin cult",
            "## Again {#testament-suppressed}\n\nText.\n\n## The Lenin cult",
        ),
        [],
        {},
        "docs/chapters/02-triumvirate.md: more than one element has the id 'testament-suppressed'",
    ),
    (
        "a javascript: link in a chapter",
        _edit("docs/chapters/02-triumvirate.md", "## The Lenin cult", "[x](javascript:alert(1))\n\n## The Lenin cult"),
        [],
        {},
        "docs/chapters/02-triumvirate.md: <a> has a script URL",
    ),
    (
        "SITE_URL breaking out of an attribute",
        NO_CHANGE,
        [],
        {"SITE_URL": 'https://example.org/"><script>alert(1)</script>/'},
        "SITE_URL is 'https://example.org/\"><script>alert(1)</script>/', which cannot be the site's address: it "
        "contains a space, a quote",
    ),
    ("bad paper size", NO_CHANGE, ["PAPER=a5"], {}, "PDF_PAPER is 'a5'. Fix: set it to one of: a4, letter."),
    (
        "no fonts at all",
        _fonts(""),
        [],
        {"GUIDE_PDF": "on", "FONTCONFIG_FILE": "fonts.conf"},
        "The PDF is set in Liberation Sans, Liberation Serif, which are not installed, and another face would be "
        "used silently",
    ),
    (
        "only DejaVu fonts",
        _fonts("<dir>/usr/share/fonts/truetype/dejavu</dir>"),
        [],
        {"GUIDE_PDF": "on", "FONTCONFIG_FILE": "fonts.conf"},
        "The PDF is set in Liberation Sans, Liberation Serif, which are not installed",
    ),
]


@pytest.fixture()
def built_project(project):
    """A copy of the project with a last good site in it, for a broken build to leave alone."""
    for name, content in FAKE_SITE.items():
        (project / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "site" / name).write_bytes(content)
    return project


@pytest.mark.parametrize("case, change, arguments, environment, message", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_input_fails_cleanly_and_keeps_the_last_good_site(
    built_project, case, change, arguments, environment, message
):
    project = built_project
    if change is not None:
        change(project)
    if "FONTCONFIG_FILE" in environment:
        environment = {**environment, "FONTCONFIG_FILE": str(project / environment["FONTCONFIG_FILE"])}
    before = sorted(path.name for path in project.iterdir())
    result = make(project, "build", *arguments, env=environment)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output, output
    assert "Fix:" in output and "Traceback" not in output, output
    if "data/" in message and "entry" in message:
        assert "The guide's data has 1 problem; nothing was built." in output, output
    assert snapshot(project / "site") == FAKE_SITE, "the last good site must be left byte for byte"
    assert sorted(path.name for path in project.iterdir() if path.name != ".build.lock") == before, (
        "nothing is left behind"
    )
