import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../shared/i18n.js';

const english = { 'num-comments': 'One Comment\n{{ n }} Comments', 'no-comments': 'No Comments Yet', 'error-rejected': 'Refused: {{ reason }}', 'error-server': 'Failed ({{ n }})', hidden: '{{ n }} Hidden' };
const russian = { 'num-comments': '{{ n }} комментарий\n{{ n }} комментария\n{{ n }} комментариев' };

test('plural forms follow the language rule', () => {
  const t = translator('ru', russian, english);
  assert.equal(t('num-comments', 1), '1 комментарий');
  assert.equal(t('num-comments', 3), '3 комментария');
  assert.equal(t('num-comments', 11), '11 комментариев');
  assert.equal(t('num-comments', 22), '22 комментария');
});

test('English singular and plural', () => {
  const t = translator('en', english, english);
  assert.equal(t('num-comments', 1), 'One Comment');
  assert.equal(t('num-comments', 0), '0 Comments');
  assert.equal(t('hidden', 7), '7 Hidden');
});

test('missing messages fall back to English, then to a marker', () => {
  const t = translator('ru', russian, english);
  assert.equal(t('no-comments'), 'No Comments Yet');
  assert.equal(t('nope'), '[?nope]');
});

test('attribute overrides win for their language only', () => {
  const overrides = { ru: { 'no-comments': 'Пусто' }, de: { 'no-comments': 'Leer' } };
  assert.equal(translator('ru', russian, english, overrides)('no-comments'), 'Пусто');
  assert.equal(translator('pt-BR', {}, english, { 'pt-br': { 'no-comments': 'Nada' } })('no-comments'), 'Nada');
});

test('named placeholders are filled and unknown ones left alone', () => {
  const t = translator('en', english, english);
  assert.equal(t('error-rejected', null, { reason: 'text is too short' }), 'Refused: text is too short');
  assert.equal(t('error-server', null, { n: 503 }), 'Failed (503)');
  assert.equal(t('error-rejected'), 'Refused: {{ reason }}');
});

test('counts are written in the language\'s own digits, without grouping', () => {
  const persian = { 'num-comments': '{{ n }} دیدگاه\n{{ n }} دیدگاه' };
  assert.equal(translator('fa', persian, english)('num-comments', 12), '۱۲ دیدگاه');
  assert.equal(translator('en', english, english)('num-comments', 12345), '12345 Comments');
});
