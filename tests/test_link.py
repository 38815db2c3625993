"""The cross-linker on awkward text: headings, code, links, plurals, overlaps, punctuation, apostrophes."""

from xml.etree.ElementTree import fromstring, tostring

import pytest

from studyguide.link import LinkTarget, Matcher, PageLinker

NAMES = {
    "Politburo": "politburo",
    "Central Committee": "central-committee",
    "kulak": "kulaks",
    "kulaks": "kulaks",
    "the Right": "right-opposition",
    "Right Opposition": "right-opposition",
    "Lenin's Testament": "testament",
    "Socialism in One Country": "socialism-in-one-country",
    "Five-Year Plan": "five-year-plan",
    "NEP": "nep",
}
PEOPLE = {"Lenin": "lenin", "Stalin": "stalin", "Joseph Stalin": "stalin"}


@pytest.fixture(scope="module")
def matcher():
    names = {name: LinkTarget(f"term:{key}", "glossary.md", key, f"About {key}") for name, key in NAMES.items()}
    names |= {name: LinkTarget(f"person:{key}", "people.md", key, f"Who {key} was") for name, key in PEOPLE.items()}
    return Matcher(names)


def linked(matcher, html, page="chapters/01-background.md"):
    root = fromstring(f"<div>{html}</div>")
    mentions = PageLinker(matcher, page, "Background").link(root)
    return tostring(root, encoding="unicode")[5:-6], mentions


def a(text, key, kind="term", prefix="../"):
    page = "glossary.md" if kind == "term" else "people.md"
    title = f"About {key}" if kind == "term" else f"Who {key} was"
    return f'<a href="{prefix}{page}#{key}" title="{title}" class="autolink autolink-{kind}">{text}</a>'


CASES = [
    ("plain first mention", "<p>The Politburo met.</p>", f"<p>The {a('Politburo', 'politburo')} met.</p>"),
    ("only the first mention in a section",
     "<p>Politburo and Politburo.</p><p>Politburo.</p>", f"<p>{a('Politburo', 'politburo')} and Politburo.</p><p>Politburo.</p>"),
    ("a new section links again",
     '<p>Politburo.</p><h2 id="next">Next</h2><p>Politburo.</p>',
     f'<p>{a("Politburo", "politburo")}.</p><h2 id="next">Next</h2><p>{a("Politburo", "politburo")}.</p>'),
    ("never inside headings", '<h2 id="p">The Politburo</h2>', '<h2 id="p">The Politburo</h2>'),
    ("never inside code", "<p><code>Politburo</code> <pre>Politburo</pre></p>", "<p><code>Politburo</code> <pre>Politburo</pre></p>"),
    ("never inside existing links", '<p><a href="x.md">the Politburo</a></p>', '<p><a href="x.md">the Politburo</a></p>'),
    ("never inside question titles", "<details><summary>Who sat on the Politburo?</summary><p>x</p></details>",
     "<details><summary>Who sat on the Politburo?</summary><p>x</p></details>"),
    ("never inside hidden answers", "<details><summary>Q?</summary><p>The Politburo did.</p></details>",
     "<details><summary>Q?</summary><p>The Politburo did.</p></details>"),
    ("never inside admonition titles", '<p class="admonition-title">Politburo</p>', '<p class="admonition-title">Politburo</p>'),
    ("never in the middle of a word", "<p>Leninism, Stalinist, NEPmen, anti-Stalin.</p>", "<p>Leninism, Stalinist, NEPmen, anti-Stalin.</p>"),
    ("plural alias", "<p>The kulaks resisted.</p>", f"<p>The {a('kulaks', 'kulaks')} resisted.</p>"),
    ("lower-case term capitalised at a sentence start", "<p>Kulaks hid grain.</p>", f"<p>{a('Kulaks', 'kulaks')} hid grain.</p>"),
    ("capitalised term does not match lower case", "<p>He turned right, and rightly.</p>", "<p>He turned right, and rightly.</p>"),
    ("the Right matches with its capital", "<p>Then the Right lost.</p>", f"<p>Then {a('the Right', 'right-opposition')} lost.</p>"),
    ("longest match wins", "<p>Right Opposition members</p>", f"<p>{a('Right Opposition', 'right-opposition')} members</p>"),
    ("multi-word term", "<p>He backed Socialism in One Country.</p>",
     f"<p>He backed {a('Socialism in One Country', 'socialism-in-one-country')}.</p>"),
    ("hyphenated term", "<p>The first Five-Year Plan began.</p>", f"<p>The first {a('Five-Year Plan', 'five-year-plan')} began.</p>"),
    ("possessive after a name", "<p>Lenin's death shook them.</p>", f"<p>{a('Lenin', 'lenin', 'person')}'s death shook them.</p>"),
    ("apostrophe inside a term, straight or curly", "<p>Lenin’s Testament was read.</p>",
     f"<p>{a('Lenin’s Testament', 'testament')} was read.</p>"),
    ("overlapping names: full name beats surname", "<p>Joseph Stalin, then Stalin.</p>",
     f"<p>{a('Joseph Stalin', 'stalin', 'person')}, then Stalin.</p>"),
    ("punctuation around a term", "<p>(NEP), “Politburo”; Central Committee.</p>",
     f"<p>({a('NEP', 'nep')}), “{a('Politburo', 'politburo')}”; {a('Central Committee', 'central-committee')}.</p>"),
    ("text before and after inline elements",
     "<p>Stalin <em>and the Politburo</em> then NEP.</p>",
     f"<p>{a('Stalin', 'stalin', 'person')} <em>and the {a('Politburo', 'politburo')}</em> then {a('NEP', 'nep')}.</p>"),
    ("nested blocks such as admonitions", '<div class="admonition"><p>NEP ended.</p></div>',
     f'<div class="admonition"><p>{a("NEP", "nep")} ended.</p></div>'),
]


@pytest.mark.parametrize("case, html, expected", CASES, ids=[case[0] for case in CASES])
def test_linker(matcher, case, html, expected):
    assert linked(matcher, html)[0] == expected


def test_links_are_relative_to_the_page(matcher):
    html, _ = linked(matcher, "<p>NEP</p>", page="index.md")
    assert html == f"<p>{a('NEP', 'nep', prefix='')}</p>"


def test_mentions_record_the_section_and_its_title(matcher):
    _, mentions = linked(
        matcher, '<p>NEP</p><h2 id="civil-war">Civil War <a class="headerlink" href="#civil-war">¶</a></h2><p>NEP, Lenin</p>'
    )
    assert [(m.key, m.anchor, m.section_title) for m in mentions] == [
        ("term:nep", "", "Background"),
        ("term:nep", "civil-war", "Civil War"),
        ("person:lenin", "civil-war", "Civil War"),
    ]


def test_an_empty_name_list_matches_nothing():
    assert list(Matcher({}).find("Politburo")) == []
