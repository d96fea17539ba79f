// Plural form index from the browser's own CLDR data, for the count widget where every byte counts;
// the unit tests hold it equal to plural.js for every catalogue.
const order = ['zero', 'one', 'two', 'few', 'many', 'other'];

export function intlPlural(tag) {
  // CLDR has no Occitan rule (ICU would answer with the default locale's); Occitan counts as French does.
  const rules = new Intl.PluralRules(tag === 'oc' ? 'fr' : tag);
  const used = order.filter((c) => rules.resolvedOptions().pluralCategories.includes(c));
  return (n) => used.indexOf(rules.select(n));
}
