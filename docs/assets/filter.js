// Filters for the countries index and the stories index (pages made by
// hooks/content_hook.py). Without JavaScript the form stays hidden and the
// whole list is shown.

/** Text folded for matching: lowercase, without accents, single spaces. */
export function fold(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether every word of the query is found in the text ("mar" finds "Maroc"). */
export function matchesText(query, text) {
  const haystack = fold(text);
  return fold(query)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * Whether an item fits the choices of the select boxes; an empty choice
 * fits everything. Item values are lists ("small_business housing").
 */
export function matchesChoices(values, choices) {
  return Object.entries(choices).every(
    ([name, choice]) => !choice || (values[name] ?? []).includes(choice),
  );
}

/** The status line: nothing while no filter is used, else the count or "none". */
export function statusText(shown, filtering, messages, lang) {
  if (!filtering) return "";
  if (shown === 0) return messages.none;
  return messages.count.replace("{n}", new Intl.NumberFormat(lang, { numberingSystem: "latn" }).format(shown));
}

export function setUp(root) {
  const form = root.querySelector("[data-filter-form]");
  const list = root.querySelector("[data-filter-list]");
  if (!form || !list) return;
  const items = [...list.children];
  const input = form.querySelector("[data-filter-text]");
  const selects = [...form.querySelectorAll("[data-filter-field]")];
  const status = form.querySelector("[data-filter-status]");
  const lang = root.documentElement?.lang;

  const update = () => {
    const query = input ? input.value : "";
    const choices = Object.fromEntries(selects.map((s) => [s.dataset.filterField, s.value]));
    let shown = 0;
    for (const item of items) {
      const values = Object.fromEntries(
        selects.map((s) => [s.dataset.filterField, (item.dataset[s.dataset.filterField] ?? "").split(" ")]),
      );
      // Countries match by name only: "mar" must not find a date in March.
      const text = item.dataset.filterKeywords ?? item.textContent;
      const visible = matchesText(query, text) && matchesChoices(values, choices);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    const filtering = query.trim() !== "" || Object.values(choices).some(Boolean);
    status.textContent = statusText(shown, filtering, status.dataset, lang);
  };

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update(); // the browser may have kept values from an earlier visit
}

if (typeof document !== "undefined") setUp(document);
