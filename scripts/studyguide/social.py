"""The picture shown when a page is shared (Open Graph and Twitter cards), drawn by the build in the guide's design."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .data.model import PHASES, SIDES

PATH = "assets/images/social.png"  # inside the built site
SIZE = (1200, 630)  # the size Open Graph and Twitter's large card expect
RED, DARK_RED, WHITE = "#a4161a", "#7a0f12", "#ffffff"
# Fonts found on Debian and Ubuntu (the CI installs them for the PDF); Pillow's own font otherwise.
BOLD_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)
REGULAR_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _font(candidates: Sequence[str], size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in candidates:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def social_image(title: str, subtitle: str) -> bytes:
    """A 1200×630 PNG: the title on the guide's red, and the four phases as the chart colours them.

    Args:
        title: The site's name.
        subtitle: One line under it.
    """
    image = Image.new("RGB", SIZE, RED)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 150, SIZE[0], SIZE[1]), fill=DARK_RED)
    title_font, subtitle_font, label_font = _font(BOLD_FONTS, 64), _font(REGULAR_FONTS, 34), _font(BOLD_FONTS, 26)
    y = 70
    draw.text((80, y), "A REVISION GUIDE", font=label_font, fill=WHITE)
    y += 60
    for line in _wrap(draw, title, title_font, SIZE[0] - 160):
        draw.text((80, y), line, font=title_font, fill=WHITE)
        y += 78
    for line in _wrap(draw, subtitle, subtitle_font, SIZE[0] - 160)[:2]:
        draw.text((80, y + 10), line, font=subtitle_font, fill=WHITE)
        y += 46
    # The phases of the struggle along the bottom, as on the timeline's chart.
    left, right, first, last = 80, SIZE[0] - 80, PHASES[0].start.year, PHASES[-1].end.year + 1
    small_font = _font(BOLD_FONTS, 22)
    # Each phase a side's colour in turn, so that neighbouring bands differ however many phases there are.
    for number, phase in enumerate(PHASES):
        colour = SIDES[number % len(SIDES)].colour
        x1 = left + (phase.start.year + (phase.start.month or 1) / 12 - first) / (last - first) * (right - left)
        x2 = left + (phase.end.year + (phase.end.month or 1) / 12 - first) / (last - first) * (right - left)
        draw.rectangle((x1, SIZE[1] - 95, x2 - 4, SIZE[1] - 71), fill=colour, outline=WHITE)
        # Labels above and below the bars in turn, so that short neighbouring phases never overlap.
        draw.text((x1, SIZE[1] - 130 if number % 2 == 0 else SIZE[1] - 60), phase.label, font=small_font, fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
