"""Cross-linker: links the first mention of a glossary term in each section, and of a person on each page.

The link-density rule (documented in CONTRIBUTING.md) keeps a chapter readable as text: a term is
linked at its first mention in each section, a person only at their first mention on the page, and
nothing inside a summary box (it repeats what the page has just linked) or a question box (a prompt).
Every first mention in a section is still recorded, so the Glossary and Who's who list each section
that mentions an entry.

Each link carries its preview (the definition, or the person's years and role) in ``data-preview``
attributes for the tap-and-hover popover (docs/assets/javascripts/popovers.js), and is described by a
hidden element holding the same text, so that screen readers read it with or without JavaScript.

It works on the parsed document tree (``xml.etree`` elements, as Python-Markdown produces them), never
on raw Markdown or HTML text. All names are compiled once into one regular expression built from a
character trie, so each text node is scanned once and the cost grows linearly with the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .data.model import GuideData, Mention
from .pages.markdown import hover_text, relative, to_plain_text

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never link inside these: code, existing links, headings, scripts, and collapsible blocks (hidden
# answers and plans: a student tests recall there, and every link costs the page a tooltip).
SKIPPED_TAGS = {"a", "code", "pre", "kbd", "samp", "script", "style", "details", "abbr", "button", "svg"} | HEADINGS
SKIPPED_CLASSES = {"admonition-title", "chapter-period", "headerlink", "no-autolink"}
# Summary boxes (``!!! abstract``) repeat the page in brief, and prompts (``!!! question`` key questions,
# ``!!! example`` exam questions) ask the reader to recall: no links there (the mentions are still recorded).
UNLINKED_BOXES = {"abstract", "summary", "tldr", "question", "example"}
DESCRIPTIONS_CLASS = "autolink-descriptions"
APOSTROPHES = "'’"


@dataclass(frozen=True)
class LinkTarget:
    """Where a name leads: an entry on a generated page, with the preview shown on tap, hover and focus."""

    key: str  # "term:politburo" or "person:stalin"
    page: str  # the page's path inside docs/, e.g. "glossary.md"
    anchor: str
    title: str  # the preview's text: a term's definition, a person's role
    name: str = ""  # the preview's heading: the headword, or the person's name and years

    @property
    def kind(self) -> str:
        """``"term"`` or ``"person"``."""
        return self.key.split(":")[0]


def link_targets(data: GuideData, glossary_page: str, people_page: str) -> dict[str, LinkTarget]:
    """Map every term, person, alias and name to its link target."""
    names: dict[str, LinkTarget] = {}
    for term in data.terms:
        target = LinkTarget(f"term:{term.id}", glossary_page, term.id, hover_text(term.definition), term.term)
        for name in (term.term, *term.aliases):
            names[name] = target
    for person in data.people:
        # Plain text: the role comes from the Markdown profile, and preview text is never markup.
        role = hover_text(f"{to_plain_text(person.role)}.")
        target = LinkTarget(f"person:{person.id}", people_page, person.id, role, f"{person.name} ({person.life})")
        for name in (person.name, *person.aliases):
            names[name] = target
    return names


class Matcher:
    """Finds names in text: longest match first, whole words only, with the case rules of data/README.md."""

    def __init__(self, names: dict[str, LinkTarget]):
        """Compile ``names`` (surface form -> target) into one pattern; done once per build."""
        self._targets: dict[str, LinkTarget] = {}
        for name, target in names.items():
            for form in _case_forms(name):
                self._targets.setdefault(_normalise(form), target)
        body = _trie_pattern(self._targets) if self._targets else "(?!)"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def find(self, text: str):
        """Yield ``(start, end, target)`` for each name in ``text``, left to right, never overlapping."""
        for match in self._pattern.finditer(text):
            yield match.start(), match.end(), self._targets[_normalise(match.group())]


def _normalise(text: str) -> str:
    return text.replace("’", "'")


def _case_forms(name: str) -> tuple[str, ...]:
    """A name with a capital matches only as written; an all-lower-case one also capitalised."""
    if name != name.lower():
        return (name,)
    return (name, name[0].upper() + name[1:])


def _trie_pattern(words) -> str:
    """A regular expression matching exactly ``words``, preferring the longest at each position."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [_char_pattern(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        # Greedy: a longer name is tried before the shorter one that ends here.
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _char_pattern(char: str) -> str:
    return f"[{APOSTROPHES}]" if char == "'" else re.escape(char)


class PageLinker:
    """Links one page's tree, recording each link made as a :class:`Mention`."""

    def __init__(self, matcher: Matcher, page: str, page_title: str):
        self.matcher = matcher
        self.page = page
        self.page_title = page_title
        self.mentions: list[Mention] = []
        self._anchor = ""
        self._section_title = page_title
        self._mentioned_here: set[str] = set()  # entries already met in this section
        self._linked_here: set[str] = set()  # entries already linked in this section
        self._linked_on_page: dict[str, LinkTarget] = {}  # every entry linked on the page, in order
        self._linking = True  # False inside summary and question boxes: mentions are recorded, not linked

    def link(self, root: Element) -> list[Mention]:
        """Add links to ``root`` in place and return the mentions made.

        The hidden descriptions the links point at (``aria-describedby``) are appended to ``root``.
        """
        self._visit(root)
        if self._linked_on_page:
            # Hidden from sight and from the site search; still read out as each link's description.
            box = Element("div", {"class": DESCRIPTIONS_CLASS, "hidden": "hidden", "data-search-exclude": ""})
            for target in self._linked_on_page.values():
                description = Element("span", {"id": _description_id(target)})
                description.text = f"{target.name}: {target.title}" if target.name else target.title
                box.append(description)
            root.append(box)
        return self.mentions

    def _visit(self, element: Element) -> None:
        if element.tag in HEADINGS:
            self._start_section(element)
            return
        classes = set((element.get("class") or "").split())
        if element.tag in SKIPPED_TAGS or SKIPPED_CLASSES & classes:
            return
        if "admonition" in classes and UNLINKED_BOXES & classes and self._linking:
            self._linking = False
            try:
                self._visit(element)
            finally:
                self._linking = True
            return
        children = list(element)
        inserted = 0
        pieces = self._split(element.text or "")
        if pieces:
            element.text = pieces[0]
            for link in pieces[1:]:
                element.insert(inserted, link)
                inserted += 1
        for position, child in enumerate(children):
            self._visit(child)
            pieces = self._split(child.tail or "")
            if pieces:
                child.tail = pieces[0]
                for link in pieces[1:]:
                    inserted += 1
                    element.insert(position + inserted, link)

    def _start_section(self, heading: Element) -> None:
        if heading.tag == "h1":  # the page's title: what follows it is the page's introduction
            self._anchor, self._section_title = "", self.page_title
        else:
            self._anchor = heading.get("id", "")
            self._section_title = " ".join(_text_without_permalink(heading).split())
        self._mentioned_here = set()
        self._linked_here = set()

    def _split(self, text: str) -> list:
        """Split ``text`` at first mentions into [leading text, link, link, ...], or [] when nothing matches.

        Each link element carries the text that follows it as its tail.
        """
        head, links, position = "", [], 0
        for start, end, target in self.matcher.find(text):
            if target.key not in self._mentioned_here:
                self._mentioned_here.add(target.key)
                self.mentions.append(Mention(target.key, self.page, self.page_title, self._anchor, self._section_title))
            if not self._linking or target.key in self._linked_here:
                continue  # a box's mention leaves the first link to the prose around it
            if target.kind == "person" and target.key in self._linked_on_page:
                continue  # people are linked once per page: the rest of the page is their story
            self._linked_here.add(target.key)
            self._linked_on_page[target.key] = target
            link = self._link(target)
            link.text = text[start:end]
            if links:
                links[-1].tail = text[position:start]
            else:
                head = text[position:start]
            links.append(link)
            position = end
        if not links:
            return []
        links[-1].tail = text[position:]
        return [head, *links]

    def _link(self, target: LinkTarget) -> Element:
        # No ``title``: Material's tooltips would show a second box; the popover script reads these.
        attributes = {
            "href": f"{relative(self.page, target.page)}#{target.anchor}",
            "class": f"autolink autolink-{target.kind}",
            "data-preview-title": target.name,
            "data-preview": target.title,
            "aria-describedby": _description_id(target),
        }
        return Element("a", {name: value for name, value in attributes.items() if value})


def _description_id(target: LinkTarget) -> str:
    return f"describe-{target.kind}-{target.anchor}"


def _text_without_permalink(heading: Element) -> str:
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in (child.get("class") or ""):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)
