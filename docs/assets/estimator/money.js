// Amounts of euros written exactly as the build writes them with Babel
// (returnsite.estimator.format_euros), from the language's format that the
// build puts into the page (returnsite.estimator.money_format). The browser's
// own Intl.NumberFormat lacks some of the site's languages (Pashto, Lingala...)
// and falls back to English ones: "€5,350" next to "€ 1.500" in the table.

// A whole amount: "1.500 €", "€ 1.500", "1 500 €" (Latin digits, like the build).
export function formatEuros(amount, format) {
  const negative = amount < 0;
  const digits = String(Math.round(Math.abs(amount)));
  const side = negative ? 1 : 0;
  return format.prefix[side] + group(digits, format.group, format.grouping) + format.suffix[side];
}

// "12345678" -> "12,345,678": the last group has the primary size, the others the secondary.
function group(digits, separator, [primary, secondary]) {
  if (digits.length <= primary) return digits;
  const groups = [digits.slice(-primary)];
  let rest = digits.slice(0, -primary);
  while (rest.length > secondary) {
    groups.unshift(rest.slice(-secondary));
    rest = rest.slice(0, -secondary);
  }
  groups.unshift(rest);
  return groups.join(separator);
}

// An object with format(amount), like Intl.NumberFormat: the build's format when
// the page has it, else the browser's (Latin digits, no cents).
export function moneyFormatter(lang, format) {
  if (format) return { format: (amount) => formatEuros(amount, format) };
  return new Intl.NumberFormat(lang, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    numberingSystem: "latn",
  });
}
