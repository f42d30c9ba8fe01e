// Keeps the pages a reader has opened readable offline: registers the site's
// service worker (../sw.js, see its header for what it stores and how it
// updates). Only on https: local previews and tests (http://127.0.0.1) never
// get one, so nobody there ever sees a stored copy.

/** Whether this page should register the worker. */
export function shouldRegister(protocol, hasServiceWorker) {
  return protocol === "https:" && hasServiceWorker;
}

/** The worker's address: at the site's root, next to the assets/ folder. */
export function workerUrl(moduleUrl) {
  return new URL("../sw.js", moduleUrl).href;
}

/** What the first page loaded before the worker ran: the page and its files on this site. */
export function firstPageUrls(pageUrl, resourceUrls, scope, max = 40) {
  const urls = [pageUrl, ...resourceUrls].map((url) => url.split("#")[0]);
  return [...new Set(urls.filter((url) => url.startsWith(scope)))].slice(0, max);
}

async function register() {
  const registration = await navigator.serviceWorker.register(workerUrl(import.meta.url));
  if (navigator.serviceWorker.controller) return; // the worker already stores what is opened
  const ready = await navigator.serviceWorker.ready;
  const resources = performance.getEntriesByType("resource").map((entry) => entry.name);
  ready.active?.postMessage({ type: "keep", urls: firstPageUrls(location.href, resources, registration.scope) });
}

if (typeof window !== "undefined" && shouldRegister(location.protocol, "serviceWorker" in navigator)) {
  // After the page has loaded: the worker never competes with the page for the connection.
  window.addEventListener("load", () => register().catch(() => {}), { once: true });
}
