"""The browser the tests share: contexts lent to one test at a time and emptied between tests, search left out.

A chapter loaded in a new Chromium context costs about two seconds of CPU (a fresh profile, cold caches,
a new renderer, and the offline worker caching the whole guide), against under a second in a context
that has been used before: across the suite that was about a tenth of all its CPU. So a context is
lent to a test and, when the test closes it or ends, emptied and kept for the next test that asks for
the same options: its pages are closed, its cookies, permissions and every kind of storage of every site
it visited are cleared, its listeners and routes are removed. A test that changes a context in a way
that cannot be undone (init scripts, exposed functions, extra headers...) gets the context closed for
real instead. Only the HTTP cache is kept, and only for the site every test reads; a context that
visited any other server has its cache cleared too, in case a later server reuses the port.
"""

from __future__ import annotations

import json
from contextlib import suppress
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

SEARCH_INDEX = "**/search/search_index.json"

# What a test may do to a lent context that giving it back cannot undo: the context is then closed.
# (Cookies and permissions are not here: giving a context back clears them.)
IRREVERSIBLE = {
    "add_init_script", "expose_binding", "expose_function", "set_extra_http_headers", "set_geolocation",
    "set_http_credentials", "route_from_har", "route_web_socket", "set_offline", "tracing", "clock",
}  # fmt: skip


class LentContext:
    """A Playwright ``BrowserContext`` lent to one test; ``close()`` gives it back to the pool, emptied."""

    def __init__(self, pool: SharedBrowser, key: str, context):
        self._pool, self._key, self._context = pool, key, context
        self._listeners: list[tuple[str, object]] = []
        self._routes: list[tuple[object, object]] = []
        self._origins: set[str] = set()
        self._dirty = False
        self._lent = False
        # The janitor is a blank page kept for the context's life: storage is cleared through it.
        self._janitor = context.new_page()
        self._cdp = context.new_cdp_session(self._janitor)
        context.on("page", self._watch)
        context.route(SEARCH_INDEX, pool.answer_with_empty_index)

    # --- what tests use --------------------------------------------------------------------------------
    def new_page(self):
        return self._context.new_page()

    @property
    def pages(self):
        return [page for page in self._context.pages if page is not self._janitor]

    def on(self, event, handler):
        self._listeners.append((event, handler))
        return self._context.on(event, handler)

    def once(self, event, handler):
        self._listeners.append((event, handler))
        return self._context.once(event, handler)

    def route(self, url, handler, **options):
        self._routes.append((url, handler))
        return self._context.route(url, handler, **options)

    def unroute(self, url, handler=None):
        self._routes = [(u, h) for u, h in self._routes if not (u == url and handler in (None, h))]
        return self._context.unroute(url, handler)

    def close(self, **_):
        """Give the context back (emptied) rather than close it; see the module's docstring."""
        self._pool.give_back(self)

    def __getattr__(self, name):
        if name in IRREVERSIBLE:
            self._dirty = True
        return getattr(self._context, name)

    # --- what the pool uses ----------------------------------------------------------------------------
    def _watch(self, page):
        page.on("framenavigated", lambda frame: self._origins.add(origin(frame.url)))

    def empty(self, home_origin: str | None) -> bool:
        """Undo what the test did; False if the context must be closed instead (or emptying failed)."""
        if self._dirty:
            return False
        try:
            for page in self.pages:
                page.close()
            for event, handler in self._listeners:
                self._context.remove_listener(event, handler)
            for url, handler in self._routes:
                self._context.unroute(url, handler)
            self._context.clear_cookies()
            self._context.clear_permissions()
            self._context.set_default_timeout(30_000)
            self._context.set_default_navigation_timeout(30_000)
            visited = {origin for origin in self._origins if origin}
            for origin in visited:
                self._cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            if visited - {home_origin}:
                self._cdp.send("Network.clearBrowserCache")
        except PlaywrightError:
            return False  # closed by the test, or the browser is gone: the pool closes it
        self._listeners.clear()
        self._routes.clear()
        self._origins.clear()
        return True

    def close_for_real(self) -> None:
        with suppress(PlaywrightError):  # the browser may already be gone
            self._context.close()


def origin(url: str) -> str | None:
    """The scheme, host and port of ``url``; None for about:blank, data: and the like."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


class SharedBrowser:
    """Debian's Chromium for one worker: contexts lent per test (``LentContext``), search left out.

    Material fetches the whole search index (over half a megabyte) on every full page load and builds its
    lunr index from it in a worker: only the tests that type into the search need it (marked
    ``searches``); the others get the same index with no documents in it. Offline workers are blocked
    unless a test asks for them: they would fetch and cache the whole guide in every context.
    """

    home_origin: str | None = None  # the site every test reads (set by the ``site_url`` fixture)
    real_search = False  # set for each test: whether it is marked ``searches``
    open: list[SharedBrowser] = []  # the instances whose lent contexts are given back after each test

    def __init__(self, chromium):
        self._chromium = chromium
        self._idle: dict[str, list[LentContext]] = {}
        self._lent: list[LentContext] = []
        self._empty_index: bytes | None = None
        SharedBrowser.open.append(self)

    def new_context(self, **options) -> LentContext:
        options.setdefault("service_workers", "block")
        key = json.dumps(options, sort_keys=True, default=str)
        idle = self._idle.setdefault(key, [])
        context = idle.pop() if idle else LentContext(self, key, self._chromium.new_context(**options))
        context._lent = True
        self._lent.append(context)
        return context

    def new_page(self, **options):
        """A page in a context of its own that is given back when the page closes, as ``Browser.new_page``."""
        context = self.new_context(**options)
        page = context.new_page()
        page.on("close", lambda _: context.close() if context._lent else None)
        return page

    def give_back(self, context: LentContext) -> None:
        if not context._lent:
            return
        context._lent = False
        self._lent.remove(context)
        if context.empty(self.home_origin):
            self._idle[context._key].append(context)
        else:
            context.close_for_real()

    def give_back_all(self) -> None:
        """After each test: every context it did not close itself."""
        for context in list(self._lent):
            self.give_back(context)

    def close(self) -> None:
        SharedBrowser.open.remove(self)
        self.give_back_all()
        for contexts in self._idle.values():
            for context in contexts:
                context.close_for_real()
        self._idle.clear()

    def __getattr__(self, name):
        return getattr(self._chromium, name)

    def answer_with_empty_index(self, route):
        if self.real_search:
            route.fallback()
            return
        try:
            if self._empty_index is None:
                index = route.fetch().json()
                self._empty_index = json.dumps({**index, "docs": []}).encode()
            route.fulfill(status=200, content_type="application/json", body=self._empty_index)
        except PlaywrightError:
            pass  # the page was closed while its index was on the way
