// The estimator writes amounts exactly as the build does with Babel:
// tests/js/fixtures/money.json (kept current by tests/test_money_format.py)
// gives each language's format and what Babel writes for some amounts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { formatEuros, moneyFormatter } from "../../docs/assets/estimator/money.js";

const CASES = JSON.parse(readFileSync(new URL("./fixtures/money.json", import.meta.url), "utf8"));

describe("formatEuros", () => {
  for (const [lang, { format, amounts }] of Object.entries(CASES)) {
    it(`writes amounts in ${lang} as Babel does`, () => {
      for (const [amount, babel] of Object.entries(amounts)) {
        assert.equal(formatEuros(Number(amount), format), babel);
      }
    });
  }

  it("writes Pashto and Lingala amounts with their own separators, not English ones", () => {
    assert.equal(formatEuros(5350, CASES.ps.format), "€\u00a05.350");
    assert.equal(formatEuros(5350, CASES.ln.format), "5.350\u00a0€");
  });

  it("rounds to whole euros", () => {
    assert.equal(formatEuros(1499.6, CASES.en.format), "€1,500");
  });
});

describe("moneyFormatter", () => {
  it("uses the build's format when the page has it", () => {
    assert.equal(moneyFormatter("ln", CASES.ln.format).format(1500), "1.500\u00a0€");
  });

  it("falls back to the browser's format without it", () => {
    assert.equal(moneyFormatter("en", null).format(1500), "€1,500");
  });
});
