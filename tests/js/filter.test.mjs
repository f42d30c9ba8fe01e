import assert from "node:assert/strict";
import { test } from "node:test";

import { fold, matchesChoices, matchesText, statusText } from "../../docs/assets/filter.js";

test("folds case, accents and spaces", () => {
  assert.equal(fold("  Algérie   Éthiopie "), "algerie ethiopie");
});

test("finds a country from the start of its name", () => {
  assert.equal(matchesText("mar", "Maroc Morocco ma"), true);
});

test("finds a country written without its accents", () => {
  assert.equal(matchesText("algerie", "Algérie Algeria dz"), true);
});

test("finds a country in another script", () => {
  assert.equal(matchesText("المغ", "المغرب Morocco ma"), true);
});

test("needs every word of the query", () => {
  assert.equal(matchesText("congo kinshasa", "Congo-Kinshasa cd"), true);
  assert.equal(matchesText("congo brazzaville", "Congo-Kinshasa cd"), false);
});

test("an empty query matches everything", () => {
  assert.equal(matchesText("   ", "Maroc"), true);
});

test("an empty choice fits every story", () => {
  assert.equal(matchesChoices({ country: ["ma"], support: ["housing"] }, { country: "", support: "" }), true);
});

test("a story fits a kind of support it used, among others", () => {
  const story = { country: ["ma"], support: ["small_business", "housing"] };
  assert.equal(matchesChoices(story, { country: "ma", support: "housing" }), true);
});

test("a story of another country does not fit", () => {
  assert.equal(matchesChoices({ country: ["dz"], support: ["housing"] }, { country: "ma", support: "" }), false);
});

test("says nothing while no filter is used", () => {
  assert.equal(statusText(3, false, { none: "None", count: "Found: {n}" }, "en"), "");
});

test("says how many items are shown, in Latin digits like the rest of the site", () => {
  assert.equal(statusText(3, true, { none: "None", count: "Found: {n}" }, "en"), "Found: 3");
  assert.equal(statusText(1500, true, { none: "None", count: "{n}" }, "fa"), "1,500");
  assert.equal(statusText(3, true, { none: "None", count: "{n}" }, "ar-EG"), "3");
});

test("says when nothing is found", () => {
  assert.equal(statusText(0, true, { none: "None", count: "Found: {n}" }, "en"), "None");
});
