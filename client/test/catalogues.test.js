import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { formCount, pluralRule } from '../shared/plural.js';

const dir = new URL('../i18n/', import.meta.url);
const codes = readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.slice(0, -5)).sort();
const load = code => JSON.parse(readFileSync(new URL(`${code}.json`, dir), 'utf8'));
const en = load('en');
const KEYS = Object.keys(en).sort();
const PLURAL = ['num-comments', 'comment-hidden', 'date-minute', 'date-hour', 'date-day',
  'date-week', 'date-month', 'date-year', 'status-loaded'];
const PLACEHOLDER = /\{\{.*?\}\}/g;
const placeholders = s => [...new Set(s.match(PLACEHOLDER) || [])].sort();

for (const code of codes) {
  test(`catalogue ${code}`, async t => {
    const cat = load(code);
    const count = formCount(code);

    await t.test('is an object of non-empty strings with exactly en.json’s keys', () => {
      assert.ok(cat && typeof cat == 'object' && !Array.isArray(cat));
      assert.deepEqual(Object.keys(cat).sort(), KEYS);
      for (const [key, value] of Object.entries(cat)) {
        assert.equal(typeof value, 'string', key);
        assert.ok(value.trim(), `${key} is empty`);
      }
    });

    await t.test('has a plural rule', () => {
      assert.equal(typeof pluralRule(code), 'function');
      assert.ok(count > 0);
    });

    await t.test('uses the placeholders en.json uses, and no others', () => {
      for (const key of KEYS) {
        if (typeof cat[key] != 'string') continue;
        assert.deepEqual(placeholders(cat[key]), placeholders(en[key]), key);
      }
    });

    await t.test('plural messages have one form per plural category', () => {
      const rule = pluralRule(code);
      assert.ok(rule, `no plural rule for ${code}`);
      // the whole numbers each form serves
      const served = Array.from({ length: count }, () => []);
      for (let n = 0; n <= 200; n++) served[rule(n)].push(n);
      for (const key of PLURAL) {
        const forms = cat[key].split('\n');
        for (const form of forms) assert.ok(form.trim(), `${key} has an empty form`);
        if (key == 'comment-hidden' && forms.length == 1) {
          assert.ok(forms[0].includes('{{ n }}'), `${key} needs {{ n }}`);
          continue;
        }
        assert.equal(forms.length, count, `${key} needs ${count} forms`);
        forms.forEach((form, i) => {
          assert.ok(served[i].length, `${key} form ${i + 1} serves no number`);
          if (served[i].length > 1) {
            assert.ok(form.includes('{{ n }}'),
              `${key} form ${i + 1} serves ${served[i].slice(0, 5).join(', ')}… so needs {{ n }}`);
          }
        });
      }
    });
  });
}

test('every language of the widget has a catalogue', () => {
  assert.ok(codes.length >= 33,
    `only ${codes.length} catalogues (${codes.join(' ')}); at least 33 expected`);
});
