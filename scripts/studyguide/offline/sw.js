/* The guide's service worker: precaches every page and asset of one build so that the whole guide
   (pages, search, flashcards) works with no network, and updates file by file when a new build is
   deployed. The build fills in VERSION and PRECACHE (scripts/studyguide/offline/__init__.py). */
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__; // [url relative to this file, revision] for every file of the build
const CACHE = "guide-" + VERSION;
const RUNTIME = "guide-runtime"; // PDFs and decks: cached when first downloaded, not in advance
const MANIFEST_KEY = "__precache-manifest__";

const scope = new URL("./", self.location.href);
const absolute = (url) => new URL(url, scope).href;

async function previousCache() {
  for (const name of await caches.keys()) {
    if (name.startsWith("guide-") && name !== CACHE && name !== RUNTIME) return caches.open(name);
  }
  return null;
}

// Files whose revision is unchanged are copied from the last build's cache; only changed ones are fetched.
async function precache() {
  const cache = await caches.open(CACHE);
  const old = await previousCache();
  const oldRevisions = old ? await old.match(MANIFEST_KEY).then((r) => (r ? r.json() : {})).catch(() => ({})) : {};
  await Promise.all(PRECACHE.map(async ([url, revision]) => {
    const key = absolute(url);
    const kept = old && oldRevisions[url] === revision ? await old.match(key) : null;
    if (kept) return cache.put(key, kept);
    const response = await fetch(new Request(key, { cache: "reload" }));
    if (!response.ok) throw new Error("could not precache " + url + ": " + response.status);
    return cache.put(key, response);
  }));
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify(Object.fromEntries(PRECACHE))));
}

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("guide-") && name !== CACHE && name !== RUNTIME) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when the reader chooses "Reload" on the update notice.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

function isDownload(url) {
  return url.pathname.endsWith(".pdf") || url.pathname.includes("/downloads/");
}

async function respond(request) {
  const url = new URL(request.url);
  const cache = await caches.open(CACHE);
  // Pages are stored as their index.html; a page's address ends with "/".
  const key = url.pathname.endsWith("/") ? new URL("index.html", url).href : url.href;
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  if (isDownload(url)) {
    const runtime = await caches.open(RUNTIME);
    const saved = await runtime.match(url.href);
    if (saved) return saved;
    const response = await fetch(request);
    if (response.ok) await runtime.put(url.href, response.clone());
    return response;
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const missing = await cache.match(absolute("404.html"));
      if (missing) return missing;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.href.startsWith(scope.href)) return;
  event.respondWith(respond(event.request));
});
