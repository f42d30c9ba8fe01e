// Support estimator: the programme's rules applied to a person's answers.
// Pure functions, no DOM: `rules` is the parsed rules.json (built from
// data/estimator.yml), `answers` what the person said. Amounts are whole euros.

export const STATUSES = Object.freeze([
  "asylum_procedure",
  "order_to_leave_30d",
  "rejected",
  "never_applied",
]);

const FLAGS = ["visa_required", "vulnerable", "exceptional", "business_project"];

/** The estimate for one set of answers; throws an Error naming a wrong field. */
export function estimate(rules, answers) {
  const a = checkAnswers(answers);
  const premium = section(rules, "departure_premium");
  const basic = section(rules, "reintegration");
  const business = section(rules, "business_support");
  const vulnerability = section(rules, "vulnerability");

  const departure_premium =
    euros(premium, "departure_premium", "per_adult") * a.adults +
    euros(premium, "departure_premium", "per_child") * a.children;

  const hasBasic = a.visa_required && statuses(basic, "reintegration").includes(a.status);
  const reintegration = hasBasic
    ? euros(basic, "reintegration", "per_adult") * a.adults +
      euros(basic, "reintegration", "per_child") * a.children
    : 0;

  // Complementary support only ever comes on top of basic reintegration support.
  const business_support =
    hasBasic && a.business_project && statuses(business, "business_support").includes(a.status)
      ? euros(business, "business_support", "per_file")
      : 0;

  const vulnerability_up_to =
    (a.vulnerable ? euros(vulnerability, "vulnerability", "vulnerable_person_up_to") : 0) +
    (a.children > 0 ? euros(vulnerability, "vulnerability", "family_with_children_up_to") : 0) +
    (a.exceptional ? euros(vulnerability, "vulnerability", "exceptional_situation_up_to") : 0);

  return {
    departure_premium,
    reintegration,
    business_support,
    vulnerability_up_to,
    total_up_to: departure_premium + reintegration + business_support + vulnerability_up_to,
  };
}

/**
 * The items of an estimate that are a most, decided by the return counsellor:
 * shown as "up to" when not 0. The rules say whether the departure premium is one.
 */
export function upToItems(rules) {
  const items = ["vulnerability_up_to"];
  if (section(rules, "departure_premium").decided_case_by_case === true) items.unshift("departure_premium");
  return items;
}

/**
 * The visa answer for the country named in the page's address (`?country=al`,
 * from a country sheet's link): {code, name, visa: "yes"|"no"}, or null.
 * `countries` maps a code to {name, visa_required}, written by the build.
 */
export function countryAnswer(search, countries) {
  const code = (new URLSearchParams(search).get("country") ?? "").trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(code) || !Object.hasOwn(countries, code)) return null;
  const { name, visa_required } = countries[code];
  return { code, name, visa: visa_required ? "yes" : "no" };
}

/** The answers, checked; throws an Error whose message starts with the field's name. */
export function checkAnswers(answers) {
  if (answers === null || typeof answers !== "object") {
    throw new Error(`answers must be an object with the fields status, adults, children, ${FLAGS.join(", ")}`);
  }
  const missing = ["status", "adults", "children", ...FLAGS].find((field) => !(field in answers));
  if (missing) throw new Error(`${missing} is missing`);
  const { status, adults, children } = answers;
  if (!STATUSES.includes(status)) {
    throw new Error(`status must be one of ${STATUSES.join(", ")}, got ${JSON.stringify(status)}`);
  }
  if (!Number.isInteger(adults) || adults < 1) {
    throw new Error(`adults must be a whole number of at least 1, got ${JSON.stringify(adults)}`);
  }
  if (!Number.isInteger(children) || children < 0) {
    throw new Error(`children must be a whole number of 0 or more, got ${JSON.stringify(children)}`);
  }
  for (const flag of FLAGS) {
    if (typeof answers[flag] !== "boolean") {
      throw new Error(`${flag} must be true or false, got ${JSON.stringify(answers[flag])}`);
    }
  }
  return answers;
}

function section(rules, name) {
  const value = rules?.[name];
  if (value === null || typeof value !== "object") throw new Error(`rules.${name} is missing`);
  return value;
}

function euros(part, name, field) {
  const value = part[field];
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`rules.${name}.${field} must be a whole number of euros, got ${JSON.stringify(value)}`);
  }
  return value;
}

function statuses(part, name) {
  if (!Array.isArray(part.statuses)) throw new Error(`rules.${name}.statuses must be a list`);
  return part.statuses;
}
