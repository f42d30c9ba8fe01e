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
 * - Removed pages: the build lists every file of the site in pages.json (next
 *   to this file). Once per start of this worker, after a page was loaded
 *   from the network, it reads the list and deletes every stored copy of a
 *   file that is no longer on the site (a story withdrawn by its author is
 *   not kept offline). A page answered "not found" is deleted at once.
 * - Other sites on the same host (GitHub project sites share one origin):
 *   this worker opens and deletes only caches whose name ends with its own
 *   scope. The browser cannot hide caches from other pages of the origin;
 *   the name keeps the sites' copies apart, it is not a lock.
 */
const VERSION = 1;
const MAX_ENTRIES = 200;
const MAX_KEEP = 40;
// Search index pieces: many, small and of no use offline; the list of files, always fresh.
const NOT_STORED = ["pagefind/", "pages.json"];
const PAGE_LIST = "pages.json";

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

/** The file a stored answer is for, relative to the site's root ("fr/faq/" is "fr/faq/index.html"). */
function filePath(url, scope) {
  if (!url.startsWith(scope)) return null;
  let path = url.slice(scope.length).split("#")[0].split("?")[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: compared as it is, and so never found.
  }
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** The stored answers (their URLs) of files that are not in the site's list. */
function removedUrls(storedUrls, files, scope) {
  const current = new Set(files);
  return storedUrls.filter((url) => {
    const path = filePath(url, scope);
    return path !== null && !current.has(path);
  });
}

/** Deletes from ``cache`` every stored copy of a file no longer in ``files``; returns their URLs. */
async function dropRemoved(cache, files, scope) {
  const requests = await cache.keys();
  const gone = removedUrls(
    requests.map((request) => request.url),
    files,
    scope,
  );
  await Promise.all(gone.map((url) => cache.delete(url)));
  return gone;
}

async function readPageList(scope) {
  const response = await fetch(scope + PAGE_LIST, { cache: "no-store" });
  if (!response.ok) return null;
  const data = await response.json();
  return Array.isArray(data.files) && data.files.every((file) => typeof file === "string") ? data.files : null;
}

let pruned = null; // once per start of the worker

function pruneOnce(scope) {
  pruned ??= readPageList(scope)
    .then(async (files) => {
      if (files) await dropRemoved(await caches.open(cacheName(scope)), files, scope);
    })
    .catch(() => {
      pruned = null; // offline, or a list being replaced: next time
    });
  return pruned;
}

async function networkFirst(event) {
  try {
    const response = await fetch(event.request);
    if (response.status === 404 || response.status === 410) {
      event.waitUntil(caches.open(cacheName(self.registration.scope)).then((cache) => cache.delete(event.request)));
    } else {
      event.waitUntil(store(event.request, response.clone()));
    }
    if (event.request.mode === "navigate" && response.ok) event.waitUntil(pruneOnce(self.registration.scope));
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
