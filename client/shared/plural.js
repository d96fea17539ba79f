// CLDR plural rules for whole numbers n >= 0.
// A rule returns the index of the form to use; forms follow CLDR's category
// order (zero, one, two, few, many, other), keeping only the categories a
// whole number can reach in that language. Languages sharing a rule share a
// row: [number of forms, primary subtags, rule].

const few = n => n % 10 > 1 && n % 10 < 5 && (n % 100 < 12 || n % 100 > 14);

const RULES = [
  [1, 'id ja ko th vi zh', () => 0],
  [2, 'bg ca da de el en eo es et fi gl hu it nb nl pt-pt sv tr', n => +(n != 1)],
  [2, 'fa fr hi oc pt', n => +(n > 1)],
  // one / few / many (be ru uk) or one / few / other (hr sr)
  [3, 'be hr ru sr uk', n => (n % 10 == 1 && n % 100 != 11 ? 0 : few(n) ? 1 : 2)],
  [3, 'pl', n => (n == 1 ? 0 : few(n) ? 1 : 2)],
  [3, 'cs sk', n => (n == 1 ? 0 : n > 1 && n < 5 ? 1 : 2)],
  [3, 'he', n => (n == 1 ? 0 : n == 2 ? 1 : 2)],
  [3, 'ro', n => (n == 1 ? 0 : n == 0 || (n % 100 > 0 && n % 100 < 20) ? 1 : 2)],
  [3, 'lt', n => (n % 100 > 10 && n % 100 < 20 ? 2 : n % 10 == 1 ? 0 : n % 10 ? 1 : 2)],
  [3, 'lv', n => (n % 10 == 0 || (n % 100 > 10 && n % 100 < 20) ? 0 : n % 10 == 1 ? 1 : 2)],
  [4, 'sl', n => ((n %= 100) == 1 ? 0 : n == 2 ? 1 : n == 3 || n == 4 ? 2 : 3)],
  [6, 'ar', n => (n < 3 ? n : n % 100 > 2 && n % 100 < 11 ? 3 : n % 100 > 10 ? 4 : 5)],
];

function find(tag) {
  const [lang, ...rest] = String(tag).toLowerCase().split(/[-_]/);
  // European Portuguese: singular for 1 only; every other pt is Brazilian.
  const key = lang == 'pt' && rest.includes('pt') ? 'pt-pt' : lang;
  return RULES.find(r => r[1].split(' ').includes(key));
}

/** Rule n => form index for a BCP 47 tag, or undefined for an unknown language. */
export const pluralRule = tag => find(tag)?.[2];

/** Number of forms the tag's rule uses (1..6), or 0 for an unknown language. */
export const formCount = tag => find(tag)?.[0] || 0;
