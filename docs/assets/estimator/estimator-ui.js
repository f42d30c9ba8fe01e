// Support estimator, page wiring: reads the form, shows the estimate.
// The rules are embedded in the page (no request); the answers never leave it.
import { countryAnswer, estimate, upToItems } from "./estimator.js";
import { moneyFormatter } from "./money.js";

const root = document.getElementById("estimator");
if (root) start(root);

function start(root) {
  const rules = JSON.parse(document.getElementById("estimator-rules-data").textContent);
  const form = root.querySelector("#estimator-form");
  const result = root.querySelector("#estimator-result");
  const lang = document.documentElement.lang || "en";
  // Amounts as the build writes them in the table of rules (Babel's format of
  // the language, embedded in the page), also where the browser lacks the language.
  const moneyData = document.getElementById("estimator-money-data");
  const money = moneyFormatter(lang, moneyData ? JSON.parse(moneyData.textContent) : null);
  // Gregorian calendar: the printed date goes into Belgian files.
  const day = new Intl.DateTimeFormat(lang, {
    dateStyle: "long",
    calendar: "gregory",
    numberingSystem: "latn",
  });

  answerForCountry(root, form);
  const update = () => show(result, form, rules, money, day);
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("beforeprint", update);
  root.querySelector("#estimator-print").addEventListener("click", () => window.print());
  update();
}

// A country sheet links here with its country (?country=al): the visa
// question is answered from the sheet's data, and the country named.
function answerForCountry(root, form) {
  const data = document.getElementById("estimator-countries-data");
  const answer = data ? countryAnswer(window.location.search, JSON.parse(data.textContent)) : null;
  if (!answer) return;
  form.elements.visa.value = answer.visa;
  const hint = root.querySelector("#est-visa-country");
  hint.textContent = hint.dataset[answer.visa].replace("{country}", answer.name);
  hint.hidden = false;
}

function show(result, form, rules, money, day) {
  const text = result.dataset;
  const table = result.querySelector("#estimator-table");
  const summary = result.querySelector("#estimator-summary");
  const now = new Date();
  const date = result.querySelector("#estimator-date");
  date.textContent = day.format(now);
  showAnswers(result.querySelector("#estimator-answers"), form);

  const { visa, ...answers } = readForm(form);
  markInvalid(form, null);
  if (answers.status === null) {
    table.hidden = true;
    setText(summary, text.prompt);
    return;
  }
  // "I don't know" (or no answer yet) shows both outcomes.
  const cases =
    visa === "yes" ? [["one", true]] : visa === "no" ? [["one", false]] : [["visa", true], ["novisa", false]];
  let estimates;
  try {
    estimates = cases.map(([column, visa_required]) => [column, estimate(rules, { ...answers, visa_required })]);
  } catch (error) {
    markInvalid(form, error.message.split(" ")[0]);
    table.hidden = true;
    setText(summary, text.invalid);
    return;
  }
  if (estimates.length === 2 && same(estimates[0][1], estimates[1][1])) {
    estimates = [["one", estimates[0][1]]];
  }

  const upToNames = upToItems(rules);
  const columns = new Set(estimates.map(([column]) => column));
  for (const cell of table.querySelectorAll("[data-col]")) cell.hidden = !columns.has(cell.dataset.col);
  for (const [column, amounts] of estimates) {
    for (const [item, value] of Object.entries(amounts)) {
      const cell = table.querySelector(`tr[data-item="${item}"] td[data-col="${column}"]`);
      const upTo = upToNames.includes(item) && value > 0;
      showAmount(cell, upTo ? text.upTo : "{amount}", money.format(value));
    }
  }
  table.hidden = false;

  const total = (i) => money.format(estimates[i][1].total_up_to);
  setText(
    summary,
    estimates.length === 1
      ? text.summaryOne.replace("{amount}", total(0))
      : text.summaryBoth.replace("{visa}", total(0)).replace("{novisa}", total(1)),
  );
}

// The amount inside its sentence ("up to {amount}"), never broken across lines.
function showAmount(cell, sentence, amount) {
  const [before, after = ""] = sentence.split("{amount}");
  const number = document.createElement("span");
  number.className = "estimator-amount";
  number.textContent = amount;
  cell.replaceChildren(before, number, after);
}

function readForm(form) {
  const data = new FormData(form);
  return {
    status: data.get("status"),
    visa: data.get("visa"),
    adults: count(data.get("adults")),
    children: count(data.get("children")),
    vulnerable: data.has("vulnerable"),
    exceptional: data.has("exceptional"),
    business_project: data.has("business_project"),
  };
}

function count(value) {
  const text = String(value ?? "").trim();
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

function same(a, b) {
  return Object.keys(a).every((key) => a[key] === b[key]);
}

function markInvalid(form, field) {
  for (const name of ["adults", "children"]) {
    const input = form.elements[name];
    const invalid = name === field;
    if (invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    form.querySelector(`#${input.getAttribute("aria-describedby")}`).hidden = !invalid;
  }
}

// The answers in words, for the printed estimate.
function showAnswers(list, form) {
  const none = list.dataset.none;
  const notAnswered = list.dataset.notAnswered;
  list.replaceChildren();
  for (const fieldset of form.querySelectorAll("fieldset")) {
    const inputs = [...fieldset.querySelectorAll("input")];
    let answer;
    if (inputs[0].type === "number") {
      answer = inputs.map((input) => `${labelText(input)}: ${input.value}`).join("; ");
    } else {
      const chosen = inputs.filter((input) => input.checked).map(labelText);
      answer = chosen.length ? chosen.join("; ") : inputs[0].type === "radio" ? notAnswered : none;
    }
    const term = document.createElement("dt");
    term.textContent = fieldset.querySelector("legend").textContent.trim();
    const detail = document.createElement("dd");
    detail.textContent = answer;
    list.append(term, detail);
  }
}

function labelText(input) {
  const label = input.labels[0];
  return (label.querySelector(".estimator-label") ?? label).textContent.trim();
}

// Only touch the live region when its text changes, so it is announced once.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
