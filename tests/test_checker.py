"""Check your notes: a table of sentences and the flags each must and must not raise, the five source notes
against the corrections list, and the guide's own pages (which must raise none).

Every check runs docs/assets/javascripts/checker.js under Node on the rules the build writes: the very
code and data the page uses in the browser.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from studyguide.checker.node import check_texts
from studyguide.checker.rules import build_rules, rules_json
from studyguide.data.load import load_guide_data

from sitebuild import REPO_ROOT

# (sentence, flags it must raise, flags it must not raise). A flag is "kind:ref"; a bare kind means
# "no flag of that kind at all", and "*" means no flag whatever.
SENTENCES = [
    # Known mistakes, and the same claims denied, corrected or quoted in order to correct them.
    ("Lenin had a heart attack in May 1922.", {"misconception:lenin-heart-attacks"}, set()),
    ("Lenin did not have heart attacks: he had three strokes.", set(), {"*"}),
    ('It is a myth that Lenin died of a "heart attack".', set(), {"*"}),
    ("Trotsky was exiled to Mexico after the 15th Congress.", {"misconception:trotsky-exile-versions"}, set()),
    ("Trotsky reached Mexico in January 1937.", set(), {"*"}),
    ("Trotsky was never exiled to Mexico in 1928; he was sent to Alma-Ata.", set(), {"misconception"}),
    ("1928 Trotsky exiled to Siberia.", {"misconception:trotsky-exile-versions"}, set()),
    ("In 1928 Trotsky was exiled to Turkey.", {"misconception:trotsky-exile-versions"}, {"date"}),
    ("Trotsky was exiled to Alma-Ata in January 1928 and deported to Turkey in February 1929.", set(), {"*"}),
    ("Trotsky resigned as Commissar of War in 1926.", {"misconception:war-commissariat-1926"}, set()),
    ("Trotsky lost the War Commissariat in January 1925, not in 1926.", set(), {"*"}),
    ('My notes said Trotsky "resigned as Commissar of War in 1926", but it was January 1925.', set(), {"*"}),
    ("Kamenev was head of the Soviet police.", {"misconception:kamenev-police"}, set()),
    ("Felix Dzerzhinsky, not Kamenev, was head of the Soviet police.", set(), {"misconception"}),
    ("Stalin wrote a book called Foundation of Leninism.", {"misconception:foundation-of-leninism"}, set()),
    ("Stalin's Foundations of Leninism were lectures given in April 1924.", set(), {"*"}),
    ("The NEP created the kulaks.", {"misconception:nep-created-kulaks"}, set()),
    ("It was Stalin who became party leader in 1924.", {"misconception:stalin-unknown-georgian"}, set()),
    ("Stalin became General Secretary in April 1922.", set(), {"*"}),
    ("Saying the NEP created the kulaks is wrong: it let them prosper.", set(), {"*"}),
    ("Stalin told Trotsky the wrong date for Lenin's funeral.", {"misconception:funeral-trick"}, set()),
    ("According to Trotsky's memoirs, Stalin gave him the wrong date for the funeral.", set(), {"*"}),
    ("Did Stalin give Trotsky the wrong date for the funeral?", set(), {"*"}),
    ("The notes call the policy socialism in the country, but its name is Socialism in One Country.",
     set(), {"misconception"}),
    # Dates that disagree with the timeline, at each precision, and dates that agree.
    ("In 1936 Kirov was mysteriously murdered.", {"date:kirov-murdered"}, set()),
    ("Kirov was murdered on 1 December 1934.", set(), {"*"}),
    ("Kirov was murdered in December 1934.", set(), {"*"}),
    ("Kirov was murdered in November 1934.", {"date:kirov-murdered"}, set()),
    ("Kirov was murdered on 2 December 1934.", {"date:kirov-murdered"}, set()),
    ("Kirov was not murdered in 1936 but in 1934.", set(), {"*"}),
    ("Trotsky was brutally murdered in 1941.", {"date:trotsky-murdered"}, set()),
    ("Trotsky was murdered in Mexico in August 1940.", set(), {"*"}),
    ("Lenin died in 1923.", {"date:lenin-dies"}, set()),
    ("Lenin died in January 1924.", set(), {"*"}),
    ("After Lenin's death in 1924, Stalin built up the Lenin cult.", set(), {"*"}),
    ("Kamenev was arrested after Kirov's murder and shot in August 1936.", set(), {"*"}),
    ("By 1940 Trotsky was dead.", set(), {"*"}),
    ("Ryutin was arrested in 1936.", {"date:ryutin-arrested"}, set()),
    ("Ryutin was arrested in September 1932.", set(), {"*"}),
    ("Ryutin's arrest in 1934 followed his platform.", {"date:ryutin-arrested"}, set()),
    ("At the 14th Congress in 1926 the New Opposition was defeated.", {"date:fourteenth-congress"}, set()),
    ("The 14th Party Congress met from 18 to 31 December 1925.", set(), {"*"}),
    ("The 13th Party Conference (16\u201318 January 1924) condemned the Left Opposition.", set(), {"*"}),
    ("The 17th Congress (January\u2013February 1934) acclaimed Stalin.", set(), {"*"}),
    ("Zinoviev and Kamenev were shot in 1937.", {"date:zinoviev-kamenev-shot"}, set()),
    ("Stalin had Zinoviev and Kamenev shot in August 1936.", set(), {"*"}),
    ("Trotsky plotted to murder Stalin, the prosecutor said in 1936.", set(), {"date"}),
    ("In the early 1920s Lenin died.", set(), {"date"}),
    # Names with and without misspellings.
    ("Stalin moved against Ryton in 1932.", {"spelling:ryutin"}, set()),
    ("Stalin moved against Martemyan Ryutin in 1932.", set(), {"*"}),
    ("Tortsky refused to recant.", {"spelling:trotsky"}, set()),
    ("Zinoviev and Kamenv recanted.", {"spelling:kamenev"}, set()),
    ("Trotskys supporters and Lenins widow were sidelined.", set(), {"spelling"}),
    ("The Politburo met in Moscow and Leningrad.", set(), {"*"}),
    ("The ban on factinos was passed in 1921.", {"spelling:ban-on-factions"}, set()),
    ("Many fractions formed in the party.", set(), {"spelling"}),
]


def _flags(results):
    return {f"{flag['kind']}:{flag['ref']}" for result in results for flag in result["flags"]}


@pytest.fixture(scope="module")
def data():
    return load_guide_data()


@pytest.fixture(scope="module")
def rules(data):
    return build_rules(data)


@pytest.fixture(scope="module")
def table_results(rules):
    return dict(zip((row[0] for row in SENTENCES), check_texts(rules, [row[0] for row in SENTENCES]), strict=True))


@pytest.mark.parametrize("sentence, must, must_not", SENTENCES, ids=[row[0][:60] for row in SENTENCES])
def test_sentence_table(table_results, sentence, must, must_not):
    flags = _flags(table_results[sentence])
    assert must <= flags, f"missing {must - flags}; got {flags}"
    if "*" in must_not:
        assert not flags, f"expected no flag, got {flags}"
    for unwanted in must_not - {"*"}:
        if ":" in unwanted:
            assert unwanted not in flags, flags
        else:
            assert not {flag for flag in flags if flag.startswith(unwanted + ":")}, flags


def test_every_flag_carries_its_correction_and_a_section_to_read(table_results, data):
    chapters = {chapter.src_path for chapter in data.chapters.values()}
    for results in table_results.values():
        for result in results:
            for flag in result["flags"]:
                assert flag["message"] and flag["section"]["title"], flag
                assert flag["section"]["page"] in chapters | {"people.md", "glossary.md"}, flag
            for section in result["readMore"]:
                assert section["page"] in chapters | {"people.md", "glossary.md"}, section


def test_wrapped_lines_make_one_sentence_whose_offsets_point_back_into_the_text(rules):
    text = "My revision notes\nLenin had a heart attack\nin May 1922. Then he died."
    [result] = check_texts(rules, [text])[0]
    assert result["text"] == "Lenin had a heart attack in May 1922."
    assert text[result["start"]:result["end"]] == "Lenin had a heart attack\nin May 1922."


# ---------------------------------------------------------------------------------------- the notes

# The notes live beside the checkout (../shared/source-notes), not in it. SOURCE_NOTES names another
# folder, or "none" where they cannot be had (the Pages workflow), which checks only the data.
_NOTES = os.environ.get("SOURCE_NOTES", str(REPO_ROOT.parent / "shared" / "source-notes"))
# Rows of the corrections table that no single sentence of the note shows: the checker cannot see them.
NOT_IN_ONE_SENTENCE = {
    ("triumvirate-formed-when", "*"): "a contradiction between notes, or across sentences",
    ("kirov-killer-zinoviev", "*"): "note 004 reports it as Stalin's claim, which a reader cannot tell from a sentence",
}


def _expected_pairs(data):
    pairs = set()
    for item in data.misconceptions:
        for note in item.notes:
            if (item.id, "*") not in NOT_IN_ONE_SENTENCE and (item.id, note) not in NOT_IN_ONE_SENTENCE:
                pairs.add((item.id, note))
    return pairs


def test_the_source_notes_raise_every_correction_the_checker_can_see(data, rules):
    if _NOTES == "none":
        # Without the notes (the Pages workflow has none), check what stands for them in the data: every
        # correction the notes test expects has patterns to recognise it and says what the notes claimed.
        expected = {item for item, _ in _expected_pairs(data)}
        by_id = {item.id: item for item in data.misconceptions}
        assert expected and all(by_id[item].patterns and by_id[item].says for item in expected)
        return
    notes = {path.name[:3]: path for path in sorted(Path(_NOTES).glob("*.txt"))}
    assert sorted(notes) == ["000", "001", "002", "003", "004"], (
        f"the five source notes are not in {_NOTES}: put the shared folder beside this checkout, "
        "set SOURCE_NOTES to their folder, or SOURCE_NOTES=none where they cannot be had"
    )
    results = dict(zip(notes, check_texts(rules, [path.read_text(encoding="utf-8") for path in notes.values()]),
                       strict=True))
    found = {(ref.split(":", 1)[1], note) for note, result in results.items() for ref in _flags(result)
             if ref.startswith("misconception:")}
    missing = _expected_pairs(data) - found
    assert not missing, f"corrections not flagged in their notes: {sorted(missing)}"
    recognised = {item.id for item in data.misconceptions if item.patterns}
    assert recognised >= {item for item, _ in _expected_pairs(data)}, "every row the notes test expects has patterns"
    # The misspellings listed on About the notes.
    spelled = {ref for result in results.values() for ref in _flags(result) if ref.startswith("spelling:")}
    assert {"spelling:ryutin", "spelling:kamenev", "spelling:trotsky", "spelling:stalin"} <= spelled


# ------------------------------------------------------------------------------------ the guide itself

def markdown_to_text(markdown: str) -> str:
    """A page's prose as a reader sees it: no front matter, link targets, footnotes, markup or tags."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[#.][^}]*\}", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r'^\s*[!?]{3}\+?\s*[\w-]+(?:\s+"([^"]*)")?', r"\1", text, flags=re.M)
    text = re.sub(r"^\s*#+\s*", "", text, flags=re.M)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"^\s*\|.*\|\s*$", lambda match: match.group(0).replace("|", "\n"), text, flags=re.M)


def _guide_texts(data):
    pages = [*sorted((REPO_ROOT / "docs" / "chapters").glob("*.md")),
             *(REPO_ROOT / "docs" / name for name in ("index.md", "why-stalin-won.md", "exam-practice.md"))]
    texts = {str(path.relative_to(REPO_ROOT)): markdown_to_text(path.read_text(encoding="utf-8")) for path in pages}
    texts |= {f"timeline.yml {event.id}": f"{event.title}. {event.summary} {event.note}" for event in data.events}
    texts |= {f"people.yml {person.id}": f"{person.profile} {person.fate}" for person in data.people}
    texts |= {f"glossary.yml {term.id}": f"{term.definition} {term.explanation}" for term in data.terms}
    texts |= {f"misconceptions.yml {item.id}": item.correction for item in data.misconceptions}
    return texts


def test_the_guides_own_pages_and_data_raise_no_flag(data, rules):
    texts = _guide_texts(data)
    flagged = {
        name: [(flag["kind"], flag["ref"], result["text"][:120]) for result in results for flag in result["flags"]]
        for name, results in zip(texts, check_texts(rules, list(texts.values())), strict=True)
    }
    flagged = {name: flags for name, flags in flagged.items() if flags}
    assert not flagged, flagged
    assert len(texts) > 200, "the chapters, pages and data were all read"


# --------------------------------------------------------------------------- the same rules everywhere

def test_the_built_site_carries_the_rules_the_command_line_uses(site_dir, data):
    assert (site_dir / "assets" / "checker-rules.json").read_text(encoding="utf-8") == rules_json(data)
    page = (site_dir / "check-your-notes" / "index.html").read_text(encoding="utf-8")
    assert 'src="../assets/javascripts/checker.js"' in page
    assert 'data-css="../assets/stylesheets/checker.css"' in page
    others = [path for path in site_dir.rglob("*.html") if "check-your-notes" not in str(path)]
    assert not [path for path in others if re.search(r"checker\.(js|css)", path.read_text(encoding="utf-8"))], (
        "the checker's script and stylesheet load only on its page"
    )


def test_the_command_line_reports_the_flags(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("In 1936 Kirov was mysteriously murdered.\nStalin moved against Ryton.\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "check_notes.py"), str(notes)],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert "[date: kirov-murdered]" in completed.stdout and "1 December 1934" in completed.stdout
    assert "[spelling: ryutin] Spelling: Ryton: did you mean Martemyan Ryutin?" in completed.stdout
    strict = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "check_notes.py"), "--strict", str(notes)],
                            capture_output=True, text=True, check=False)
    assert strict.returncode == 1


def test_the_command_line_names_a_missing_file(tmp_path):
    completed = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "check_notes.py"), str(tmp_path / "x.txt")],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 2
    assert "Cannot read the notes" in completed.stderr and "Traceback" not in completed.stderr


def test_make_check_notes_runs_the_script():
    completed = subprocess.run(["make", "-n", "check-notes", "FILE=notes.txt"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=True)
    assert 'scripts/check_notes.py "notes.txt"' in completed.stdout
