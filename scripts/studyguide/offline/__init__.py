"""Makes the built site installable and offline: web app manifest, icons, and a service worker with a precache list."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER_TEMPLATE = Path(__file__).resolve().parent / "sw.js"
WORKER_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
SHORT_NAME = "Stalin's Rise"  # under the icon on a phone's home screen
ICON_SIZES = (192, 512)
MASKABLE_ICON = "icon-maskable-512.png"
# The theme's colours (docs/assets/stylesheets/extra.css): the red header, and the page backgrounds.
THEME_COLOUR = "#a4161a"
BACKGROUND = {"light": "#ffffff", "dark": "#1e2129"}
# Not precached: PDFs and decks are cached when first downloaded; source maps, other languages'
# search stemmers, the sitemap and the worker itself are never needed offline.
SKIPPED_SUFFIXES = (".pdf", ".map", ".xml", ".gz")
SKIPPED_FOLDERS = ("downloads/", "assets/javascripts/lunr/")


def precache_entries(site_dir: Path) -> list[tuple[str, str]]:
    """Every file a reader needs offline, as (URL relative to the site root, revision hash)."""
    entries = []
    for path in sorted(site_dir.rglob("*")):
        url = path.relative_to(site_dir).as_posix()
        skipped = url == WORKER_NAME or url.endswith(SKIPPED_SUFFIXES) or url.startswith(SKIPPED_FOLDERS)
        if skipped or not path.is_file():
            continue
        entries.append((url, hashlib.sha256(path.read_bytes()).hexdigest()[:16]))
    return entries


def worker_script(entries: list[tuple[str, str]]) -> str:
    """The service worker for one build; its version changes whenever any precached file does."""
    listing = json.dumps([list(entry) for entry in entries], separators=(",", ":"))
    version = hashlib.sha256(listing.encode()).hexdigest()[:16]
    template = WORKER_TEMPLATE.read_text(encoding="utf-8")
    return template.replace('"__VERSION__"', json.dumps(version)).replace("__PRECACHE__", listing)


def manifest(name: str, short_name: str, description: str) -> dict:
    """The web app manifest; start URL and scope are relative, so a copy works under any sub-path."""
    icons = [
        {"src": f"assets/icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in ICON_SIZES
    ]
    maskable = {"src": f"assets/icons/{MASKABLE_ICON}", "sizes": "512x512", "type": "image/png", "purpose": "maskable"}
    icons.append(maskable)
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "en-GB",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND["light"],
        "icons": icons,
    }


def write_icons(folder: Path) -> None:
    """The guide's own icons: its initials on the header's red, plain and with a maskable safe zone."""
    from PIL import Image, ImageDraw, ImageFont  # imported here: only this build step draws

    folder.mkdir(parents=True, exist_ok=True)
    # A maskable icon may be cropped to a circle, so its lettering keeps to the middle.
    icons = [(size, f"icon-{size}.png", 0.42) for size in ICON_SIZES] + [(512, MASKABLE_ICON, 0.3)]
    for size, name, text_share in icons:
        image = Image.new("RGB", (size, size), THEME_COLOUR)
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=round(size * text_share))
        draw.text((size / 2, size / 2), "SR", fill="#ffffff", font=font, anchor="mm")
        image.save(folder / name, optimize=True)


def write_offline_site(site_dir: Path, name: str, description: str) -> int:
    """Write the icons, the manifest and, last, the service worker; return how many files it precaches."""
    write_icons(site_dir / "assets" / "icons")
    text = json.dumps(manifest(name, SHORT_NAME, description), ensure_ascii=False, indent=2)
    (site_dir / MANIFEST_NAME).write_text(text + "\n", encoding="utf-8")
    entries = precache_entries(site_dir)
    (site_dir / WORKER_NAME).write_text(worker_script(entries), encoding="utf-8")
    return len(entries)
