// Unit tests of the estimator's rules: node --test tests/js/
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { STATUSES, countryAnswer, estimate, upToItems } from "../../docs/assets/estimator/estimator.js";

// The rules as the build writes them to rules.json from data/estimator.yml
// (programme slides of 09/08/2017). Written out by hand so that the expected
// amounts below are derived from the rules, not from the code.
const RULES = Object.freeze({
  applies_from: "2017-08-09",
  sources: {
    slides_2017: {
      file: "001_e7131cb96c650248.txt",
      title: "Fedasil, voluntary return programme slides (AMIF)",
      date: "2017-08-09",
    },
  },
  travel: { sources: ["slides_2017"] },
  departure_premium: { per_adult: 250, per_child: 125, decided_case_by_case: true, sources: ["slides_2017"] },
  reintegration: {
    per_adult: 700,
    per_child: 350,
    statuses: ["asylum_procedure", "order_to_leave_30d", "rejected"],
    within_months: 12,
    sources: ["slides_2017"],
  },
  business_support: {
    per_file: 1500,
    statuses: ["asylum_procedure", "order_to_leave_30d"],
    sources: ["slides_2017"],
  },
  vulnerability: {
    vulnerable_person_up_to: 500,
    family_with_children_up_to: 500,
    exceptional_situation_up_to: 1000,
    sources: ["slides_2017"],
  },
});

const NO = { vulnerable: false, exceptional: false, business_project: false };

function answers(status, adults, children, visa_required, more = {}) {
  return { status, adults, children, visa_required, ...NO, ...more };
}

// [name, answers, departure, reintegration, business, vulnerability, total]
const SCENARIOS = [
  ["asylum procedure, visa, one adult", answers("asylum_procedure", 1, 0, true), 250, 700, 0, 0, 950],
  ["asylum procedure, visa, business plan", answers("asylum_procedure", 1, 0, true, { business_project: true }), 250, 700, 1500, 0, 2450],
  ["asylum procedure, no visa: no reintegration, so no business support", answers("asylum_procedure", 1, 0, false, { business_project: true }), 250, 0, 0, 0, 250],
  ["asylum procedure, visa, three adults", answers("asylum_procedure", 3, 0, true), 750, 2100, 0, 0, 2850],
  ["asylum procedure, visa, every supplement", answers("asylum_procedure", 1, 0, true, { vulnerable: true, exceptional: true, business_project: true }), 250, 700, 1500, 1500, 3950],
  ["order to leave < 30 days, visa, family of four with a business plan", answers("order_to_leave_30d", 2, 2, true, { business_project: true }), 750, 2100, 1500, 500, 4850],
  ["order to leave < 30 days, visa, exceptional situation", answers("order_to_leave_30d", 1, 0, true, { exceptional: true }), 250, 700, 0, 1000, 1950],
  ["order to leave < 30 days, no visa, one adult and one child", answers("order_to_leave_30d", 1, 1, false), 375, 0, 0, 500, 875],
  ["rejected, visa, business plan: too late for business support", answers("rejected", 1, 0, true, { business_project: true }), 250, 700, 0, 0, 950],
  ["rejected, visa, vulnerable family of five", answers("rejected", 2, 3, true, { vulnerable: true }), 875, 2450, 0, 1000, 4325],
  ["rejected, no visa, one adult", answers("rejected", 1, 0, false), 250, 0, 0, 0, 250],
  ["never applied, visa, business plan: no reintegration", answers("never_applied", 1, 0, true, { business_project: true }), 250, 0, 0, 0, 250],
  ["never applied, visa, vulnerable", answers("never_applied", 1, 0, true, { vulnerable: true }), 250, 0, 0, 500, 750],
  ["never applied, no visa, vulnerable family in an exceptional situation", answers("never_applied", 1, 2, false, { vulnerable: true, exceptional: true }), 500, 0, 0, 2000, 2500],
];

describe("estimate", () => {
  for (const [name, given, departure, reintegration, business, vulnerability, total] of SCENARIOS) {
    it(name, () => {
      assert.deepEqual(estimate(RULES, given), {
        departure_premium: departure,
        reintegration,
        business_support: business,
        vulnerability_up_to: vulnerability,
        total_up_to: total,
      });
    });
  }

  it("covers every status with and without a visa", () => {
    const covered = new Set(SCENARIOS.map(([, a]) => `${a.status} ${a.visa_required}`));
    for (const status of STATUSES) {
      assert.ok(covered.has(`${status} true`), `${status} with a visa`);
      assert.ok(covered.has(`${status} false`), `${status} without a visa`);
    }
  });

  it("total is the sum of the four items", () => {
    for (const [, given] of SCENARIOS) {
      const result = estimate(RULES, given);
      const sum =
        result.departure_premium + result.reintegration + result.business_support + result.vulnerability_up_to;
      assert.equal(result.total_up_to, sum);
    }
  });

  it("follows an amount changed in the rules", () => {
    const rules = structuredClone(RULES);
    rules.reintegration.per_adult = 800;
    rules.departure_premium.per_child = 200;
    const result = estimate(rules, answers("asylum_procedure", 1, 2, true));
    assert.equal(result.reintegration, 800 + 2 * 350);
    assert.equal(result.departure_premium, 250 + 2 * 200);
    assert.equal(result.total_up_to, 1500 + 650 + 500);
  });

  it("follows a status removed from the rules", () => {
    const rules = structuredClone(RULES);
    rules.reintegration.statuses = ["asylum_procedure", "order_to_leave_30d"];
    assert.equal(estimate(rules, answers("rejected", 1, 0, true)).reintegration, 0);
  });

  it("changes neither the rules nor the answers", () => {
    const rules = structuredClone(RULES);
    const given = answers("rejected", 2, 1, true, { vulnerable: true });
    const copy = structuredClone(given);
    estimate(rules, given);
    assert.deepEqual(rules, RULES);
    assert.deepEqual(given, copy);
  });

  it("touches no DOM when imported", () => {
    assert.equal(typeof globalThis.document, "undefined");
  });
});

describe("estimate rejects invalid answers", () => {
  const valid = answers("asylum_procedure", 1, 0, true);
  const cases = [
    ["an unknown status", { ...valid, status: "refused" },
      'status must be one of asylum_procedure, order_to_leave_30d, rejected, never_applied, got "refused"'],
    ["no adult", { ...valid, adults: 0 }, "adults must be a whole number of at least 1, got 0"],
    ["a fraction of an adult", { ...valid, adults: 1.5 }, "adults must be a whole number of at least 1, got 1.5"],
    ["a count written as text", { ...valid, adults: "2" }, 'adults must be a whole number of at least 1, got "2"'],
    ["a negative count", { ...valid, children: -1 }, "children must be a whole number of 0 or more, got -1"],
    ["a fraction of a child", { ...valid, children: 0.5 }, "children must be a whole number of 0 or more, got 0.5"],
    ["a yes/no written as text", { ...valid, vulnerable: "yes" }, 'vulnerable must be true or false, got "yes"'],
    ["a null visa answer", { ...valid, visa_required: null }, "visa_required must be true or false, got null"],
  ];
  for (const [name, given, message] of cases) {
    it(`rejects ${name}`, () => {
      assert.throws(() => estimate(RULES, given), { name: "Error", message });
    });
  }

  for (const field of ["status", "adults", "children", "visa_required", "vulnerable", "exceptional", "business_project"]) {
    it(`rejects a missing ${field}`, () => {
      const given = { ...valid };
      delete given[field];
      assert.throws(() => estimate(RULES, given), { message: `${field} is missing` });
    });
  }

  it("rejects answers that are not an object", () => {
    assert.throws(() => estimate(RULES, null), { message: /^answers must be an object/ });
  });

  it("names a broken amount in the rules", () => {
    const rules = structuredClone(RULES);
    rules.departure_premium.per_adult = "250";
    assert.throws(() => estimate(rules, valid), {
      message: 'rules.departure_premium.per_adult must be a whole number of euros, got "250"',
    });
  });
});

describe("amounts shown as \"up to\"", () => {
  it("shows the departure premium as up to when the rules say the counsellor decides it", () => {
    assert.deepEqual(upToItems(RULES), ["departure_premium", "vulnerability_up_to"]);
  });

  it("shows the departure premium as a plain amount when the rules say everyone gets it", () => {
    const rules = structuredClone(RULES);
    rules.departure_premium.decided_case_by_case = false;
    assert.deepEqual(upToItems(rules), ["vulnerability_up_to"]);
  });

  it("keeps the premium's amount as the most a person gets, inside the total", () => {
    const result = estimate(RULES, answers("never_applied", 2, 1, false));
    assert.equal(result.departure_premium, 625);
    assert.equal(result.total_up_to, 625 + 500); // with support for a family with children
  });
});

describe("the country of a sheet's link (estimator/?country=al)", () => {
  const COUNTRIES = { al: { name: "Albanie", visa_required: false }, ma: { name: "Maroc", visa_required: true } };

  it("answers the visa question for a visa-exempt country", () => {
    assert.deepEqual(countryAnswer("?country=al", COUNTRIES), { code: "al", name: "Albanie", visa: "no" });
  });

  it("answers the visa question for a country whose nationals need a visa", () => {
    assert.deepEqual(countryAnswer("?country=MA", COUNTRIES), { code: "ma", name: "Maroc", visa: "yes" });
  });

  it("answers nothing for a country without a sheet, or without the parameter", () => {
    assert.equal(countryAnswer("?country=zz", COUNTRIES), null);
    assert.equal(countryAnswer("?country=__proto__", COUNTRIES), null);
    assert.equal(countryAnswer("", COUNTRIES), null);
  });
});
