"""Checks that the fonts the PDF is set in are installed, so that WeasyPrint never substitutes one silently."""

from __future__ import annotations

import re
from pathlib import Path

BOOK_CSS = Path(__file__).resolve().parent / "book.css"
INSTALL_HINT = "install them with `sudo bash .ci/install-system-packages` (Debian's fonts-liberation)"


class MissingFontsError(Exception):
    """The PDF cannot be set as designed; the message names the fonts and how to install them."""


def required_families(css: str | None = None) -> list[str]:
    """The first family of every font list in the book's stylesheet: the faces the PDF is designed in."""
    css = BOOK_CSS.read_text(encoding="utf-8") if css is None else css
    families = []
    for declaration in re.findall(r"font(?:-family)?\s*:([^;]+);", css):
        first = re.search(r"""["']([^"']+)["']""", declaration)
        if first:
            families.append(first.group(1))
    return sorted(set(families))


def installed_families() -> set[str]:
    """Every font family fontconfig (which WeasyPrint uses) can find."""
    from weasyprint.text.ffi import ffi, fontconfig  # WeasyPrint's own binding, so both see the same fonts

    config = fontconfig.FcInitLoadConfigAndFonts()
    try:
        font_set = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem)
        families: set[str] = set()
        if font_set == ffi.NULL:
            return families
        value = ffi.new("FcChar8 **")
        for index in range(font_set.nfont):
            number = 0
            while (
                fontconfig.FcPatternGetString(font_set.fonts[index], b"family", number, value)
                == fontconfig.FcResultMatch
            ):
                families.add(ffi.string(value[0]).decode("utf-8", "replace"))
                number += 1
        return families
    finally:
        fontconfig.FcConfigDestroy(config)


def check_fonts() -> None:
    """Raise ``MissingFontsError`` unless every family the PDF is designed in is installed."""
    try:
        installed = installed_families()
    except (OSError, ImportError) as error:
        raise MissingFontsError(
            f"the PDF cannot be made: Pango or fontconfig is not installed ({str(error)[:120]}). "
            f"Fix: {INSTALL_HINT}, or build without the PDF (GUIDE_PDF=off)"
        ) from None
    missing = [family for family in required_families() if family not in installed]
    if missing:
        raise MissingFontsError(
            f"the PDF is set in {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} not installed, "
            f"and another face would be used silently. Fix: {INSTALL_HINT}, or build without the PDF (GUIDE_PDF=off)"
        )
