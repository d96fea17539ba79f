import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, chooseLanguage } from '../shared/lang.js';

const available = ['de', 'en', 'fr', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW', 'nb', 'sr'];

test('tags are normalised as BCP 47', () => {
  assert.equal(normalise('pt_br'), 'pt-BR');
  assert.equal(normalise('ZH-hant-tw'), 'zh-Hant-TW');
  assert.equal(normalise('en'), 'en');
  assert.equal(normalise('sr-latn'), 'sr-Latn');
});

test('data-isso-lang wins over the browser', () => {
  assert.equal(chooseLanguage({ forced: 'fr', browser: ['de-DE', 'de'] }, available), 'fr');
});

test('browser languages come next, a region falls back to its language', () => {
  assert.equal(chooseLanguage({ browser: ['it-IT', 'de-AT'] }, available), 'de');
  assert.equal(chooseLanguage({ browser: ['pt-PT'] }, available), 'pt-PT');
});

test('aliases name the catalogue Isso users expect', () => {
  assert.equal(chooseLanguage({ forced: 'pt' }, available), 'pt-BR');
  assert.equal(chooseLanguage({ forced: 'pt_br' }, available), 'pt-BR');
  assert.equal(chooseLanguage({ forced: 'zh' }, available), 'zh-CN');
  assert.equal(chooseLanguage({ browser: ['zh-HK'] }, available), 'zh-TW');
  assert.equal(chooseLanguage({ browser: ['zh-Hant-TW'] }, available), 'zh-TW');
  assert.equal(chooseLanguage({ browser: ['no'] }, available), 'nb');
});

test('a data-isso-lang without a catalogue gives way to the page\'s language, then the default, then English', () => {
  assert.equal(chooseLanguage({ forced: 'xx', page: 'fr-CA', browser: ['de'] }, available), 'fr');
  assert.equal(chooseLanguage({ forced: 'xx', page: 'yy', browser: ['de'], fallback: 'pt-PT' }, available), 'pt-PT');
  assert.equal(chooseLanguage({ forced: 'xx', page: '', browser: ['de'] }, available), 'en');
});

test('unsupported languages fall back to the default, then English', () => {
  assert.equal(chooseLanguage({ forced: 'ar', browser: ['xx'], fallback: 'de' }, available), 'de');
  assert.equal(chooseLanguage({ browser: ['xx'], fallback: 'yy' }, available), 'en');
  assert.equal(chooseLanguage({}, []), 'en');
});
