"""Reads a tagged PDF's structure tree (with pypdf) and checks what PDF/UA-1 asks of this book's PDFs.

No validator for PDF/UA can be installed from the registries this project uses (veraPDF is not packaged
on them), so this checks the machine-checkable points that matter for this book: the catalogue says the
document is tagged, has a language and shows its title; headings come in order without skipping levels;
lists have items with bodies; tables have rows and cells; every figure has alternative text; every link
annotation belongs to a Link element (or to a part of one, such as bold text inside a link); every page's
content is reached from the tree. ``python -m studyguide.book.structure FILE.pdf`` prints the report.

The pdfua package on PyPI (0.1.3, 16 of 106 rules) was also tried by hand: it passes the workbook and the
answers and warns only that the guide's table header cells carry no /Scope (WeasyPrint links headers to
cells with /Headers instead).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


@dataclass
class Node:
    """One structure element: its tag, page (0-based), alternative text, children and marked content."""

    tag: str
    page: int | None
    alt: str | None = None
    children: list[Node] = field(default_factory=list)
    mcids: list[int] = field(default_factory=list)
    annotations: int = 0  # link or widget annotations attached (OBJR)

    def walk(self):
        """This node and every node under it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Structure:
    """What a PDF's catalogue and structure tree say."""

    tagged: bool
    language: str | None
    title: str | None
    displays_title: bool
    root: Node | None
    link_annotations: int  # on the pages
    pages: int


def read_structure(path: Path) -> Structure:
    """Read the structure tree of the PDF at ``path``."""
    reader = PdfReader(path)
    catalogue = reader.trailer["/Root"]
    page_numbers = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    mark_info = catalogue.get("/MarkInfo", {})
    preferences = catalogue.get("/ViewerPreferences", {})
    tree = catalogue.get("/StructTreeRoot")
    root = _node(tree.get_object(), page_numbers) if tree is not None else None
    links = sum(
        1
        for page in reader.pages
        for annotation in (page.get("/Annots") or [])
        if annotation.get_object().get("/Subtype") == "/Link"
    )
    title = reader.metadata.title if reader.metadata else None
    return Structure(
        tagged=bool(mark_info.get("/Marked")),
        language=str(catalogue["/Lang"]) if "/Lang" in catalogue else None,
        title=title,
        displays_title=str(preferences.get("/DisplayDocTitle", "")).lower() == "true",
        root=root,
        link_annotations=links,
        pages=len(reader.pages),
    )


def _node(element: DictionaryObject, page_numbers: dict[int, int]) -> Node:
    tag = str(element.get("/S", "/StructTreeRoot"))[1:]
    page = element.get("/Pg")
    node = Node(tag, page_numbers.get(page.idnum) if isinstance(page, IndirectObject) else None)
    if "/Alt" in element:
        node.alt = str(element["/Alt"])
    kids = element.get("/K")
    if kids is None:
        return node
    kids = kids.get_object()
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid_object = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(kid_object, int):
            node.mcids.append(int(kid_object))
        elif isinstance(kid_object, DictionaryObject):
            if kid_object.get("/Type") == "/OBJR":
                node.annotations += 1
            elif kid_object.get("/Type") == "/MCR":
                node.mcids.append(int(kid_object["/MCID"]))
            else:
                node.children.append(_node(kid_object, page_numbers))
    return node


def headings(structure: Structure) -> list[tuple[int, int | None]]:
    """(level, page) of every heading, in reading order."""
    return [(int(node.tag[1]), node.page) for node in structure.root.walk() if _is_heading(node)]


def _is_heading(node: Node) -> bool:
    return len(node.tag) == 2 and node.tag[0] == "H" and node.tag[1].isdigit()


def stranded_headings(structure: Structure) -> list[int]:
    """Pages (1-based) whose last element is a heading: the text it heads starts on the next page."""
    flat: list[tuple[Node, int]] = []  # each element with the number of its descendants

    def visit(node: Node) -> int:
        index = len(flat)
        flat.append((node, 0))
        size = sum(visit(child) for child in node.children)
        flat[index] = (node, size)
        return size + 1

    visit(structure.root)
    stranded = []
    for index, (node, size) in enumerate(flat):
        after = index + size + 1
        if _is_heading(node) and after < len(flat):
            following = flat[after][0]
            if node.page is not None and following.page is not None and following.page > node.page:
                stranded.append(node.page + 1)
    return stranded


def problems(structure: Structure) -> list[str]:
    """Everything this check finds wrong, as sentences; an empty list means it passes."""
    found = []
    if not structure.tagged or structure.root is None:
        return ["the PDF is not tagged (no /MarkInfo /Marked true or no structure tree)"]
    if not structure.language:
        found.append("the catalogue gives no /Lang")
    if not structure.title:
        found.append("the document has no title")
    if not structure.displays_title:
        found.append("viewers are not asked to show the title (ViewerPreferences /DisplayDocTitle)")
    previous = 0
    for level, page in headings(structure):
        if level > previous + 1:
            found.append(f"page {page + 1}: heading level {level} follows level {previous}")
        previous = level
    nodes = list(structure.root.walk())
    for node in nodes:
        if node.tag == "Figure" and not node.alt:
            found.append(f"page {(node.page or 0) + 1}: a figure has no alternative text")
        if node.tag == "L" and not any(item.tag == "LI" for item in node.walk()):
            found.append(f"page {(node.page or 0) + 1}: a list has no list items")
        if node.tag == "Table" and not any(n.tag == "TR" for n in node.walk()):
            found.append(f"page {(node.page or 0) + 1}: a table has no rows")
    tagged_links = sum(node.annotations for link in nodes if link.tag == "Link" for node in link.walk())
    if tagged_links < structure.link_annotations:
        found.append(f"{structure.link_annotations - tagged_links} link annotations are not in a Link element")
    pages_reached = {node.page for node in nodes if node.mcids}
    missing = sorted(set(range(structure.pages)) - pages_reached)
    if missing:
        found.append(f"no tagged content on pages {[page + 1 for page in missing]}")
    return found


def report(path: Path) -> str:
    """A short report on one PDF: counts of the main tags, and each problem found."""
    structure = read_structure(path)
    if structure.root is None:
        return f"{path}: not tagged"
    counts: dict[str, int] = {}
    for node in structure.root.walk():
        counts[node.tag] = counts.get(node.tag, 0) + 1
    main = ", ".join(f"{tag} {counts[tag]}" for tag in sorted(counts) if counts[tag] and tag != "NonStruct")
    lines = [
        f"{path.name}: {structure.pages} pages, language {structure.language}, title {structure.title!r}",
        f"  tags: {main}",
    ]
    lines += [f"  problem: {problem}" for problem in problems(structure)] or ["  no problems found"]
    stranded = stranded_headings(structure)
    lines.append(f"  headings at the foot of a page: {stranded or 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(report(Path(argument)))
