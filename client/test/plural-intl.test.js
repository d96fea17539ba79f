import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { pluralRule, formCount } from '../shared/plural.js';
import { intlPlural } from '../shared/plural-intl.js';

const codes = readdirSync(new URL('../i18n/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

test('the count widget picks the same plural form as the embed for every catalogue', () => {
  for (const code of codes) {
    const rule = pluralRule(code);
    const intl = intlPlural(code);
    const count = formCount(code);
    for (let n = 0; n <= 5000; n++) {
      // The widget clamps to the forms a catalogue has, as the embed does.
      assert.equal(Math.min(intl(n), count - 1), rule(n), `${code} n=${n}`);
    }
  }
});
