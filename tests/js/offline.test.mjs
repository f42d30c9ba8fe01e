import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { firstPageUrls, shouldRegister, workerUrl } from "../../docs/assets/offline.js";

// sw.js is a classic worker script: run it in a sandbox and use its functions.
const sw = vm.createContext({});
vm.runInContext(readFileSync(new URL("../../docs/sw.js", import.meta.url), "utf8"), sw);
const SCOPE = "https://example.org/site/";

test("registers on https only, never on a local http preview", () => {
  assert.equal(shouldRegister("https:", true), true);
  assert.equal(shouldRegister("http:", true), false);
  assert.equal(shouldRegister("https:", false), false);
});

test("finds the worker at the site's root, under any base path", () => {
  assert.equal(workerUrl("https://example.org/site/assets/offline.js"), "https://example.org/site/sw.js");
});

test("keeps the first page and its own files, not other sites' or duplicates", () => {
  const urls = firstPageUrls(
    "https://example.org/site/fr/faq/#question",
    ["https://example.org/site/assets/site.css", "https://example.org/site/fr/faq/", "https://other.org/x.js"],
    SCOPE,
  );
  assert.deepEqual(urls, ["https://example.org/site/fr/faq/", "https://example.org/site/assets/site.css"]);
});

test("asks to keep a bounded number of files", () => {
  const many = Array.from({ length: 100 }, (_, i) => `${SCOPE}assets/${i}.js`);
  assert.equal(firstPageUrls(`${SCOPE}`, many, SCOPE, 40).length, 40);
});

test("handles reads of this site, not other sites, searches or posts", () => {
  assert.equal(sw.shouldHandle("GET", `${SCOPE}ar/contact/`, false, SCOPE), true);
  assert.equal(sw.shouldHandle("GET", "https://example.org/other/", false, SCOPE), false);
  assert.equal(sw.shouldHandle("GET", `${SCOPE}pagefind/pagefind.js`, false, SCOPE), false);
  assert.equal(sw.shouldHandle("POST", `${SCOPE}faq/`, false, SCOPE), false);
  assert.equal(sw.shouldHandle("GET", `${SCOPE}brochures/voluntary-return-en.pdf`, true, SCOPE), false);
});

test("stores complete answers of this site only", () => {
  assert.equal(sw.isStorable(200, "basic"), true);
  assert.equal(sw.isStorable(404, "basic"), false);
  assert.equal(sw.isStorable(206, "basic"), false);
  assert.equal(sw.isStorable(200, "opaque"), false);
});

test("deletes older versions of this site's cache, never another site's", () => {
  assert.equal(sw.isOldCache(`returnsite-v0 ${SCOPE}`, SCOPE), true);
  assert.equal(sw.isOldCache(sw.cacheName(SCOPE), SCOPE), false);
  assert.equal(sw.isOldCache("returnsite-v0 https://example.org/", SCOPE), false);
  assert.equal(sw.isOldCache("another-app", SCOPE), false);
});
