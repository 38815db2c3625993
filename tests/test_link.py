"""The cross-linker on awkward text: headings, code, links, plurals, overlaps, punctuation, apostrophes."""

from xml.etree.ElementTree import fromstring, tostring

import pytest

from studyguide.data.load import load_guide_data
from studyguide.link import DESCRIPTIONS_CLASS, LinkTarget, Matcher, PageLinker, link_targets

from datafixtures import VALID

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
    """The linked HTML without the hidden descriptions (tested on their own), and the mentions made."""
    root = fromstring(f"<div>{html}</div>")
    mentions = PageLinker(matcher, page, "Background").link(root)
    for box in root.findall(f"div[@class='{DESCRIPTIONS_CLASS}']"):
        root.remove(box)
    return tostring(root, encoding="unicode")[5:-6], mentions


def a(text, key, kind="term", prefix="../"):
    page = "glossary.md" if kind == "term" else "people.md"
    preview = f"About {key}" if kind == "term" else f"Who {key} was"
    return (
        f'<a href="{prefix}{page}#{key}" class="autolink autolink-{kind}" data-preview="{preview}" '
        f'aria-describedby="describe-{kind}-{key}">{text}</a>'
    )


CASES = [
    ("plain first mention", "<p>The Politburo met.</p>", f"<p>The {a('Politburo', 'politburo')} met.</p>"),
    (
        "only the first mention in a section",
        "<p>Politburo and Politburo.</p><p>Politburo.</p>",
        f"<p>{a('Politburo', 'politburo')} and Politburo.</p><p>Politburo.</p>",
    ),
    (
        "a new section links again",
        '<p>Politburo.</p><h2 id="next">Next</h2><p>Politburo.</p>',
        f'<p>{a("Politburo", "politburo")}.</p><h2 id="next">Next</h2><p>{a("Politburo", "politburo")}.</p>',
    ),
    ("never inside headings", '<h2 id="p">The Politburo</h2>', '<h2 id="p">The Politburo</h2>'),
    (
        "never inside code",
        "<p><code>Politburo</code> <pre>Politburo</pre></p>",
        "<p><code>Politburo</code> <pre>Politburo</pre></p>",
    ),
    (
        "never inside existing links",
        '<p><a href="x.md">the Politburo</a></p>',
        '<p><a href="x.md">the Politburo</a></p>',
    ),
    (
        "never inside question titles",
        "<details><summary>Who sat on the Politburo?</summary><p>x</p></details>",
        "<details><summary>Who sat on the Politburo?</summary><p>x</p></details>",
    ),
    (
        "never inside hidden answers",
        "<details><summary>Q?</summary><p>The Politburo did.</p></details>",
        "<details><summary>Q?</summary><p>The Politburo did.</p></details>",
    ),
    (
        "never inside admonition titles",
        '<p class="admonition-title">Politburo</p>',
        '<p class="admonition-title">Politburo</p>',
    ),
    (
        "never in the middle of a word",
        "<p>Leninism, Stalinist, NEPmen, anti-Stalin.</p>",
        "<p>Leninism, Stalinist, NEPmen, anti-Stalin.</p>",
    ),
    ("plural alias", "<p>The kulaks resisted.</p>", f"<p>The {a('kulaks', 'kulaks')} resisted.</p>"),
    (
        "lower-case term capitalised at a sentence start",
        "<p>Kulaks hid grain.</p>",
        f"<p>{a('Kulaks', 'kulaks')} hid grain.</p>",
    ),
    (
        "capitalised term does not match lower case",
        "<p>He turned right, and rightly.</p>",
        "<p>He turned right, and rightly.</p>",
    ),
    (
        "the Right matches with its capital",
        "<p>Then the Right lost.</p>",
        f"<p>Then {a('the Right', 'right-opposition')} lost.</p>",
    ),
    (
        "longest match wins",
        "<p>Right Opposition members</p>",
        f"<p>{a('Right Opposition', 'right-opposition')} members</p>",
    ),
    (
        "multi-word term",
        "<p>He backed Socialism in One Country.</p>",
        f"<p>He backed {a('Socialism in One Country', 'socialism-in-one-country')}.</p>",
    ),
    (
        "hyphenated term",
        "<p>The first Five-Year Plan began.</p>",
        f"<p>The first {a('Five-Year Plan', 'five-year-plan')} began.</p>",
    ),
    (
        "possessive after a name",
        "<p>Lenin's death shook them.</p>",
        f"<p>{a('Lenin', 'lenin', 'person')}'s death shook them.</p>",
    ),
    (
        "apostrophe inside a term, straight or curly",
        "<p>Lenin’s Testament was read.</p>",
        f"<p>{a('Lenin’s Testament', 'testament')} was read.</p>",
    ),
    (
        "overlapping names: full name beats surname",
        "<p>Joseph Stalin, then Stalin.</p>",
        f"<p>{a('Joseph Stalin', 'stalin', 'person')}, then Stalin.</p>",
    ),
    (
        "punctuation around a term",
        "<p>(NEP), “Politburo”; Central Committee.</p>",
        f"<p>({a('NEP', 'nep')}), “{a('Politburo', 'politburo')}”; {a('Central Committee', 'central-committee')}.</p>",
    ),
    (
        "text before and after inline elements",
        "<p>Stalin <em>and the Politburo</em> then NEP.</p>",
        f"<p>{a('Stalin', 'stalin', 'person')} <em>and the {a('Politburo', 'politburo')}</em> then "
        f"{a('NEP', 'nep')}.</p>",
    ),
    (
        "a person is linked once per page, not once per section",
        '<p>Stalin.</p><h2 id="next">Next</h2><p>Stalin and NEP.</p>',
        f'<p>{a("Stalin", "stalin", "person")}.</p><h2 id="next">Next</h2><p>Stalin and {a("NEP", "nep")}.</p>',
    ),
    (
        "never inside a summary box",
        '<div class="admonition abstract"><p>Stalin and the NEP.</p></div>',
        '<div class="admonition abstract"><p>Stalin and the NEP.</p></div>',
    ),
    (
        "never inside key or exam questions",
        '<div class="admonition question"><p>NEP?</p></div><div class="admonition example"><p>NEP?</p></div>',
        '<div class="admonition question"><p>NEP?</p></div><div class="admonition example"><p>NEP?</p></div>',
    ),
    (
        "nested blocks such as admonitions",
        '<div class="admonition"><p>NEP ended.</p></div>',
        f'<div class="admonition"><p>{a("NEP", "nep")} ended.</p></div>',
    ),
]


@pytest.mark.parametrize("case, html, expected", CASES, ids=[case[0] for case in CASES])
def test_linker(matcher, case, html, expected):
    assert linked(matcher, html)[0] == expected


def test_links_are_relative_to_the_page(matcher):
    html, _ = linked(matcher, "<p>NEP</p>", page="index.md")
    assert html == f"<p>{a('NEP', 'nep', prefix='')}</p>"


def test_mentions_record_the_section_and_its_title(matcher):
    _, mentions = linked(
        matcher,
        '<p>NEP</p><h2 id="civil-war">Civil War <a class="headerlink" href="#civil-war">¶</a></h2><p>NEP, Lenin</p>',
    )
    assert [(m.key, m.anchor, m.section_title) for m in mentions] == [
        ("term:nep", "", "Background"),
        ("term:nep", "civil-war", "Civil War"),
        ("person:lenin", "civil-war", "Civil War"),
    ]


def test_people_are_still_recorded_in_every_section_they_appear_in(matcher):
    _, mentions = linked(matcher, '<p>Lenin</p><h2 id="later">Later</h2><p>Lenin</p>')
    assert [(m.key, m.anchor) for m in mentions] == [("person:lenin", ""), ("person:lenin", "later")]


def test_mentions_under_the_page_title_belong_to_the_page_itself(matcher):
    _, mentions = linked(matcher, '<h1 id="1-background">1. Background</h1><p>NEP</p>')
    assert [(m.anchor, m.section_title) for m in mentions] == [("", "Background")]


def test_summary_boxes_record_mentions_without_linking(matcher):
    html, mentions = linked(matcher, '<div class="admonition abstract"><p>NEP</p></div><p>NEP</p>')
    assert [(m.key, m.anchor) for m in mentions] == [("term:nep", "")]
    assert html == f'<div class="admonition abstract"><p>NEP</p></div><p>{a("NEP", "nep")}</p>', (
        "the prose gets the link"
    )


def test_each_link_is_described_by_a_hidden_element_with_its_preview():
    names = {
        "NEP": LinkTarget("term:nep", "glossary.md", "nep", "A policy <b>x</b> & y", "NEP"),
        "Lenin": LinkTarget("person:lenin", "people.md", "lenin", "Leader.", "Vladimir Lenin (1870–1924)"),
    }
    root = fromstring("<div><p>NEP, Lenin, NEP.</p><h2 id='n'>N</h2><p>NEP</p></div>")
    PageLinker(Matcher(names), "index.md", "Home").link(root)
    box = root.find(f"div[@class='{DESCRIPTIONS_CLASS}']")
    assert box.get("hidden") is not None and box.get("data-search-exclude") is not None
    descriptions = {span.get("id"): span.text for span in box}
    assert descriptions == {
        "describe-term-nep": "NEP: A policy <b>x</b> & y",  # text, escaped when serialised
        "describe-person-lenin": "Vladimir Lenin (1870–1924): Leader.",
    }
    links = root.findall(".//a")
    assert [link.get("aria-describedby") for link in links] == [
        "describe-term-nep",
        "describe-person-lenin",
        "describe-term-nep",
    ]
    assert links[1].get("data-preview-title") == "Vladimir Lenin (1870–1924)" and links[1].get("title") is None
    assert "&lt;b&gt;" in tostring(box, encoding="unicode")


def test_a_page_without_links_gets_no_descriptions(matcher):
    root = fromstring("<div><p>Nothing here.</p></div>")
    PageLinker(matcher, "index.md", "Home").link(root)
    assert root.find(f"div[@class='{DESCRIPTIONS_CLASS}']") is None


def test_search_aliases_are_never_link_names():
    data = load_guide_data(VALID / "data", VALID / "docs")
    kamenev = next(person for person in data.people if person.id == "kamenev")
    assert kamenev.search_aliases == ("Kamenyev", "Kamenef")
    names = link_targets(data, "glossary.md", "people.md")
    assert "Kamenev" in names and not {"Kamenyev", "Kamenef"} & set(names)


def test_an_empty_name_list_matches_nothing():
    assert list(Matcher({}).find("Politburo")) == []
