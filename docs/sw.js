/* Offline reading: the pages a reader has opened stay readable when the
 * connection drops. Registered by assets/offline.js, on https only.
 *
 * - Scope: this site (the file sits at the site's root). Its copies live in
 *   one cache named after the site's address, so two sites on one host never
 *   mix.
 * - Nothing is downloaded in advance: only what the reader opens is stored
 *   (offline.js asks to keep the first page, which was loaded before this
 *   worker started, from the browser's own cache).
 * - Updates: the network always comes first. Online, the reader gets the
 *   current page and its stored copy is replaced; a stored copy is shown only
 *   when the network fails. A new VERSION deletes the copies kept by older
 *   versions of this file. At most MAX_ENTRIES answers are kept, the oldest
 *   stored go first.
 */
const VERSION = 1;
const MAX_ENTRIES = 200;
const MAX_KEEP = 40;
// Search index pieces: many, small and of no use offline.
const NOT_STORED = ["pagefind/"];

function cacheName(scope) {
  return `returnsite-v${VERSION} ${scope}`;
}

function isOldCache(name, scope) {
  return name.startsWith("returnsite-v") && name.endsWith(` ${scope}`) && name !== cacheName(scope);
}

function shouldHandle(method, url, hasRange, scope) {
  if (method !== "GET" || hasRange || !url.startsWith(scope)) return false;
  const path = url.slice(scope.length);
  return !NOT_STORED.some((prefix) => path.startsWith(prefix));
}

function isStorable(status, type) {
  return status === 200 && type === "basic";
}

async function trim(cache) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES)).map((key) => cache.delete(key)));
}

async function store(request, response) {
  if (!isStorable(response.status, response.type)) return;
  const cache = await caches.open(cacheName(self.registration.scope));
  await cache.put(request, response);
  await trim(cache);
}

async function networkFirst(event) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(store(event.request, response.clone()));
    return response;
  } catch (offline) {
    const cache = await caches.open(cacheName(self.registration.scope));
    const copy = await cache.match(event.request);
    if (copy) return copy;
    throw offline;
  }
}

async function keep(urls) {
  const scope = self.registration.scope;
  for (const url of urls.slice(0, MAX_KEEP)) {
    if (typeof url !== "string" || !shouldHandle("GET", url, false, scope)) continue;
    try {
      // From the browser's cache when it has it: nothing is downloaded twice.
      const response = await fetch(url, { cache: "force-cache" });
      await store(new Request(url), response);
    } catch {
      // Offline already: keep what there is.
    }
  }
}

if (typeof ServiceWorkerGlobalScope !== "undefined" && self instanceof ServiceWorkerGlobalScope) {
  self.addEventListener("install", () => self.skipWaiting());

  self.addEventListener("activate", (event) => {
    const scope = self.registration.scope;
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(names.filter((name) => isOldCache(name, scope)).map((name) => caches.delete(name))))
        .then(() => self.clients.claim()),
    );
  });

  self.addEventListener("fetch", (event) => {
    const { method, url, headers } = event.request;
    if (shouldHandle(method, url, headers.has("range"), self.registration.scope)) {
      event.respondWith(networkFirst(event));
    }
  });

  self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "keep" && Array.isArray(event.data.urls)) {
      event.waitUntil(keep(event.data.urls));
    }
  });
}
