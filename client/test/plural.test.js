import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluralRule, formCount } from '../shared/plural.js';

const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const TAGS = ('en bg ca cs da de el eo es fa fi fr gl hr hu id it ja ko nl oc pl pt ru sk sv tr uk vi zh ' +
  'ar he ro nb et lt lv sl sr hi th be pt-BR pt-PT pt-AO zh-TW zh-CN sr-Latn de-AT en-GB').split(' ');
const LARGE = [1001, 1011, 1021, 1111, 10000, 100001, 1000000, 1000001, 2000000, 123456789, 2147483647];

// ICU has no Occitan rule and answers with the default locale's; Occitan
// takes the singular for 0 and 1, like French.
const reference = tag => new Intl.PluralRules(tag == 'oc' ? 'fr' : tag);

for (const tag of TAGS) {
  test(`plural rule for ${tag} matches Intl.PluralRules`, () => {
    const rule = pluralRule(tag);
    assert.equal(typeof rule, 'function');
    const intl = reference(tag);
    const seen = new Set();
    for (let n = 0; n <= 1000; n++) seen.add(intl.select(n));
    const cats = ORDER.filter(c => seen.has(c));
    assert.equal(formCount(tag), cats.length, `form count (${cats.join(', ')})`);
    for (let n = 0; n <= 1000; n++) {
      assert.equal(rule(n), cats.indexOf(intl.select(n)), `n = ${n}`);
    }
    for (const n of LARGE) {
      const cat = intl.select(n);
      let want = cats.indexOf(cat);
      if (want < 0) {
        // Only the "many" of whole millions (ca es fr it pt) is out of reach
        // below 1000; such numbers take the "other" form.
        assert.ok(cat == 'many' && n % 1e6 == 0, `${cat} for n = ${n}`);
        want = cats.indexOf('other');
      }
      assert.equal(rule(n), want, `n = ${n}`);
    }
  });
}

test('tags are matched case-insensitively on the primary subtag', () => {
  assert.equal(pluralRule('FR-ca')(0), 0);
  assert.equal(pluralRule('pt_pt')(0), 1);
  assert.equal(pluralRule('PT-br')(0), 0);
  assert.equal(formCount('RU'), 3);
  assert.equal(formCount('ar-EG'), 6);
});

test('unknown languages have no rule', () => {
  for (const tag of ['xx', 'tlh', 'sw-KE', '', undefined, null]) {
    assert.equal(pluralRule(tag), undefined, String(tag));
    assert.equal(formCount(tag), 0, String(tag));
  }
});
