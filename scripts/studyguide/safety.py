"""Checks that keep script out of the built pages: the site's address, event handlers, script URLs, and the CSP."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes whose value a browser follows or loads as a URL.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}
_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data\s*:\s*text/html)", re.IGNORECASE)


def site_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the site's address (written into every page), or None when it can."""
    if re.search(r"[\s\"'<>`\\{}|^]|[\x00-\x1f\x7f]", url):
        return "it contains a space, a quote, an angle bracket or another character that is not allowed in an address"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"it starts with '{parts.scheme or url[:20]}', not http:// or https://"
    try:
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        return "its port is not a number"
    host = parts.hostname or ""
    if not (host == "localhost" or re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?|\[[0-9a-f:.]+\]", host)):
        return f"'{host[:40]}' is not a host name" if host else "it names no host"
    if parts.query or parts.fragment:
        return "it has a ?query or #fragment, which a site's address cannot have"
    return None


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.ids: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] = self.ids.get(value, 0) + 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler ({name}=...)")
            elif name in URL_ATTRIBUTES and value and _SCRIPT_URL.match(re.sub(r"[\x00-\x20]", "", value)):
                self.problems.append(f'<{tag}> has a script URL ({name}="{value[:30]}")')
            elif name == "style" and re.search(
                r"expression\s*\(|url\s*\(\s*['\"]?\s*javascript", value or "", re.IGNORECASE
            ):
                self.problems.append(f"<{tag}> has a scripted style")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}> is not allowed in a page's content")
        attributes = dict(attrs)
        if (
            tag == "script"
            and not attributes.get("src")
            and attributes.get("type") not in ("application/json", "application/ld+json")
        ):
            self.problems.append("an inline <script> (put the script in a file and load it with src=)")


def unsafe_markup(html: str) -> list[str]:
    """What in ``html`` (a page's content) could run script: event handlers, script URLs, inline scripts, frames."""
    return _scan(html).problems


def duplicate_ids(html: str) -> list[str]:
    """The ids that more than one element of ``html`` carries (links to them are ambiguous)."""
    return [name for name, count in _scan(html).ids.items() if count > 1]


def _scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    scanner.problems = list(dict.fromkeys(scanner.problems))
    return scanner


_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)


def content_security_policy(template_html: str) -> str:
    """A policy allowing the site's own files and the theme's inline scripts (by hash), and nothing else.

    No 'unsafe-inline' for scripts: event-handler attributes and javascript: URLs cannot run, whatever
    reaches a page. Styles may be inline (the theme and the chart set them); they cannot run script.
    """
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(template_html)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *hashes]),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_content_security_policy(page_html: str, content_html: str) -> str:
    """``page_html`` with a CSP ``<meta>`` first in its head; only scripts outside ``content_html`` are hashed."""
    policy = content_security_policy(page_html.replace(content_html, "") if content_html else page_html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    # First in the head, after the character set: a policy in a <meta> covers only what follows it.
    anchor = re.search(r"<meta charset=[^>]*>", page_html, re.IGNORECASE) or re.search(
        r"<head[^>]*>", page_html, re.IGNORECASE
    )
    if anchor is None:
        return page_html
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]
