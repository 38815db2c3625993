"""Reads a built chapter page: its sections by anchor and the text of each."""

from bs4 import BeautifulSoup

CHAPTER_ANCHORS = {
    "01-background": ["october-revolution", "civil-war", "nep-and-ban-on-factions", "general-secretary",
                      "lenins-strokes", "krupskaya-incident", "lenins-testament"],
    "02-triumvirate": ["forming-the-triumvirate", "lenins-death-and-funeral", "testament-suppressed", "lenin-cult",
                       "lessons-of-october", "socialism-in-one-country", "trotsky-loses-war-commissariat"],
    "03-duumvirate": ["triumvirate-splits", "new-opposition", "united-opposition", "expulsions-1927",
                      "fifteenth-congress", "trotsky-exile"],
    "04-right-opposition": ["grain-crisis", "turn-from-nep", "bukharin-kamenev-meeting", "defeat-of-the-right",
                            "stalins-supremacy"],
    "05-kirov-and-the-purges": ["ryutin-affair", "congress-of-victors", "kirov-murder", "show-trials",
                                "great-terror", "trotsky-murder"],
}  # fmt: skip
CLOSING_ANCHORS = ["why-it-mattered", "summary", "check-your-understanding", "exam-question"]


def article(site_dir, page: str):
    """The parsed main content of a built page such as ``chapters/02-triumvirate``."""
    soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article")


def sections(content) -> dict:
    """Map each h2 anchor to the elements that follow it up to the next h2."""
    result, current = {}, None
    for element in content.children:
        if getattr(element, "name", None) == "h2":
            current = element.get("id")
            result[current] = []
        elif current is not None and getattr(element, "name", None):
            result[current].append(element)
    return result


def section_text(elements) -> str:
    return " ".join(" ".join(element.get_text().split()) for element in elements)
