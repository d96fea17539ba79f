// Writing numbers in the language's own digits without Intl.NumberFormat, whose first use in a page costs more than
// the whole widget on a slow phone. Only languages whose usual digits are not Latin are listed (CLDR's default
// numbering system); their dates, formatted by the browser, use the same digits.
const native = { fa: '۰۱۲۳۴۵۶۷۸۹' };

/** A function writing an integer in the digits of language `code`. */
export function digitsFor(code) {
  const digits = native[String(code).split('-')[0].toLowerCase()];
  return digits ? (n) => String(n).replace(/\d/g, (d) => digits[d]) : String;
}
