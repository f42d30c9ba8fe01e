// Search page: loads Pagefind's per-language index only when the reader types.
const form = document.querySelector(".site-search");
const input = form.querySelector("input");
const status = form.querySelector(".site-search__status");
const list = form.querySelector(".site-search__results");
let pagefind;
let latest = 0;

async function load() {
  if (!pagefind) {
    pagefind = await import(new URL(form.dataset.pagefind, document.baseURI).href);
    const base = new URL(form.dataset.base, document.baseURI).pathname;
    await pagefind.options({ baseUrl: base, excerptLength: 20 });
  }
  return pagefind;
}

function countText(n) {
  if (n === 0) return status.dataset.none;
  return status.dataset.count.replace("{n}", new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: "latn" }).format(n));
}

async function run() {
  const query = input.value.trim();
  const id = ++latest;
  if (!query) {
    status.textContent = "";
    list.replaceChildren();
    return;
  }
  status.textContent = status.dataset.loading;
  const api = await load();
  const search = await api.debouncedSearch(query, {}, 250);
  if (search === null || id !== latest) return;
  const pages = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  if (id !== latest) return;
  status.textContent = countText(search.results.length);
  list.replaceChildren(
    ...pages.map((page) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt is the page's own text with <mark> around hits.
      excerpt.innerHTML = page.excerpt;
      item.append(link, excerpt);
      return item;
    }),
  );
}

input.addEventListener("input", run);
// The results come as one types: Enter does not reload the page.
form.addEventListener("submit", (event) => event.preventDefault());
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run();
}
