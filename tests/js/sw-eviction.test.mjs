import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

// sw.js is a classic worker script: run it in a sandbox with a fake cache and network.
const SOURCE = readFileSync(new URL("../../docs/sw.js", import.meta.url), "utf8");
const SCOPE = "https://owner.github.io/repo/";
const OTHER = "https://owner.github.io/other/";

function worker(globals = {}) {
  const context = vm.createContext({ ...globals });
  vm.runInContext(SOURCE, context);
  return context;
}

/** A CacheStorage-like fake: caches by name, each a Map of URL to answer. */
function fakeCaches(contents) {
  const stores = new Map(Object.entries(contents).map(([name, urls]) => [name, fakeCache(urls)]));
  return {
    stores,
    async open(name) {
      if (!stores.has(name)) stores.set(name, fakeCache([]));
      return stores.get(name);
    },
    async keys() {
      return [...stores.keys()];
    },
  };
}

function fakeCache(urls) {
  const entries = new Set(urls);
  return {
    entries,
    async keys() {
      return [...entries].map((url) => ({ url }));
    },
    async delete(url) {
      return entries.delete(typeof url === "string" ? url : url.url);
    },
  };
}

function pageList(files, ok = true) {
  return async (url) => {
    assert.equal(url, `${SCOPE}pages.json`);
    return { ok, json: async () => ({ files }) };
  };
}

test("names its cache after its own scope", () => {
  const sw = worker();
  assert.equal(sw.cacheName(SCOPE), `returnsite-v1 ${SCOPE}`);
  assert.notEqual(sw.cacheName(SCOPE), sw.cacheName(OTHER));
});

test("deletes old versions of its own cache only, never another site's", () => {
  const sw = worker();
  assert.equal(sw.isOldCache(`returnsite-v0 ${SCOPE}`, SCOPE), true);
  assert.equal(sw.isOldCache(`returnsite-v0 ${OTHER}`, SCOPE), false);
  assert.equal(sw.isOldCache(`returnsite-v1 ${SCOPE}`, SCOPE), false);
  assert.equal(sw.isOldCache("someone-elses-cache", SCOPE), false);
});

test("reads a stored directory address as its index.html", () => {
  const sw = worker();
  assert.equal(sw.filePath(`${SCOPE}fr/faq/`, SCOPE), "fr/faq/index.html");
  assert.equal(sw.filePath(SCOPE, SCOPE), "index.html");
  assert.equal(sw.filePath(`${SCOPE}assets/site.css?v=2#x`, SCOPE), "assets/site.css");
  assert.equal(sw.filePath(`${SCOPE}fr/countries/c%C3%B4te/`, SCOPE), "fr/countries/côte/index.html");
  assert.equal(sw.filePath(`${OTHER}fr/faq/`, SCOPE), null);
});

test("finds the stored pages that are no longer on the site", () => {
  const sw = worker();
  const stored = [`${SCOPE}fr/stories/withdrawn/`, `${SCOPE}fr/faq/`, `${SCOPE}assets/stories/withdrawn.jpg`, `${OTHER}x/`];
  const files = ["fr/faq/index.html", "index.html"];
  assert.deepEqual([...sw.removedUrls(stored, files, SCOPE)], [
    `${SCOPE}fr/stories/withdrawn/`,
    `${SCOPE}assets/stories/withdrawn.jpg`,
  ]);
});

test("drops a withdrawn story and its photo from the cache, keeps the rest", async () => {
  const sw = worker();
  const cache = fakeCache([`${SCOPE}fr/stories/withdrawn/`, `${SCOPE}assets/stories/withdrawn.jpg`, `${SCOPE}fr/faq/`]);
  const gone = await sw.dropRemoved(cache, ["fr/faq/index.html"], SCOPE);
  assert.equal(gone.length, 2);
  assert.deepEqual([...cache.entries], [`${SCOPE}fr/faq/`]);
});

test("at an online visit, reads pages.json once and prunes its own cache only", async () => {
  const caches = fakeCaches({
    [`returnsite-v1 ${SCOPE}`]: [`${SCOPE}fr/stories/withdrawn/`, `${SCOPE}fr/faq/`],
    [`returnsite-v1 ${OTHER}`]: [`${OTHER}fr/stories/withdrawn/`],
  });
  let reads = 0;
  const list = pageList(["fr/faq/index.html"]);
  const sw = worker({ caches, fetch: (url, options) => (reads++, list(url, options)) });
  await sw.pruneOnce(SCOPE);
  await sw.pruneOnce(SCOPE);
  assert.equal(reads, 1);
  assert.deepEqual([...caches.stores.get(`returnsite-v1 ${SCOPE}`).entries], [`${SCOPE}fr/faq/`]);
  assert.deepEqual([...caches.stores.get(`returnsite-v1 ${OTHER}`).entries], [`${OTHER}fr/stories/withdrawn/`]);
});

test("keeps everything when the list cannot be read, and tries again later", async () => {
  const caches = fakeCaches({ [`returnsite-v1 ${SCOPE}`]: [`${SCOPE}fr/faq/`] });
  let online = false;
  const sw = worker({
    caches,
    fetch: async (url) => {
      if (!online) throw new TypeError("offline");
      return pageList([])(url);
    },
  });
  await sw.pruneOnce(SCOPE);
  assert.deepEqual([...caches.stores.get(`returnsite-v1 ${SCOPE}`).entries], [`${SCOPE}fr/faq/`]);
  online = true;
  await sw.pruneOnce(SCOPE);
  assert.deepEqual([...caches.stores.get(`returnsite-v1 ${SCOPE}`).entries], []);
});

test("ignores a list that is not a list of files", async () => {
  const caches = fakeCaches({ [`returnsite-v1 ${SCOPE}`]: [`${SCOPE}fr/faq/`] });
  const sw = worker({ caches, fetch: async () => ({ ok: true, json: async () => ({ files: [1, 2] }) }) });
  await sw.pruneOnce(SCOPE);
  assert.deepEqual([...caches.stores.get(`returnsite-v1 ${SCOPE}`).entries], [`${SCOPE}fr/faq/`]);
});

test("never stores the list of files itself", () => {
  const sw = worker();
  assert.equal(sw.shouldHandle("GET", `${SCOPE}pages.json`, false, SCOPE), false);
});
