"""A 404 page that finds the site's root by itself when the build does not know the site's address."""

from __future__ import annotations

import json
import re

# A host such as GitHub Pages serves the one 404.html for a missing address at any depth, so the page
# cannot use addresses relative to itself. With SITE_URL, MkDocs writes absolute ones; without it, it
# writes "/assets/..." (the server's root), which is wrong under a sub-path such as /<repository>/. This
# script, first in <head>, asks the server for a file of the guide's own at each shorter prefix of the
# address (longest first), and makes the first that answers the page's <base>: the addresses below are
# then rewritten relative to it. Synchronous requests, because the stylesheets that follow need the base
# before they load; at most one per level of the address, and only on this page.
_FIND_ROOT = """(function () {
  var probe = %(probe)s;
  var parts = location.pathname.split("/");
  parts.pop();
  var root = "/";
  for (var depth = parts.length; depth > 0; depth--) {
    var candidate = parts.slice(0, depth).join("/") + "/";
    var request = new XMLHttpRequest();
    try {
      request.open("HEAD", candidate + probe, false);
      request.send();
    } catch (error) {
      continue;
    }
    if (request.status === 200) {
      root = candidate;
      break;
    }
  }
  var base = document.createElement("base");
  base.href = root;
  document.head.appendChild(base);
  window.guideRoot = root;
})();"""

# Material resolves its configuration's "base" against the address, not against <base>: give it the root.
_SET_THEME_BASE = """(function () {
  var config = document.getElementById("__config");
  var settings = JSON.parse(config.textContent);
  settings.base = window.guideRoot || "/";
  if (settings.search) {
    settings.search = settings.base + settings.search;
  }
  config.textContent = JSON.stringify(settings);
})();"""

_ROOT_ADDRESS = re.compile(r'(\s(?:href|src)=")/(?!/)')
_THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


class UnexpectedPageError(Exception):
    """The 404 page no longer has the parts this module rewrites (a theme upgrade changed it)."""


def self_locating_404(html: str, probe: str) -> str:
    """Return the 404 page ``html`` (built without a site address) so that it works under any sub-path.

    Args:
        html: The page as MkDocs wrote it, with addresses from the server's root ("/assets/...").
        probe: A file of the guide's own, relative to the site's root, that every copy of the site has.

    Raises:
        UnexpectedPageError: when the page has no character-set tag or no theme configuration to rewrite.
    """
    config = _THEME_CONFIG.search(html)
    charset = '<meta charset="utf-8">'
    if charset not in html or config is None:
        raise UnexpectedPageError(f"the 404 page has no {charset} or no Material configuration (#__config)")
    settings = json.loads(config.group(2))
    settings["base"] = "."
    if isinstance(settings.get("search"), str):
        settings["search"] = settings["search"].lstrip("/")
    html = html.replace(
        config.group(0),
        # Escaped as Material escapes it, so that no "</script>" inside a value can end the element.
        config.group(1) + json.dumps(settings).replace("<", "\\u003c") + config.group(3)
        + f"<script>{_SET_THEME_BASE}</script>",
    )
    html = _ROOT_ADDRESS.sub(lambda match: match.group(1), html)
    html = html.replace('href=""', 'href="./"')  # "/" was the home page
    script = _FIND_ROOT % {"probe": json.dumps(probe)}
    # After the character set, which must come in the first kilobyte, and before every stylesheet.
    return html.replace(charset, f"{charset}\n<script>{script}</script>", 1)
