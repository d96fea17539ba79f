import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValue, readAttributes, findEndpoint } from '../shared/attributes.js';

const script = (attributes, extra = {}) => ({ attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })), src: '', ...extra });

test('values are JSON when they parse and strings otherwise', () => {
  assert.equal(parseValue('true'), true);
  assert.equal(parseValue('5'), 5);
  assert.equal(parseValue('null'), null);
  assert.deepEqual(parseValue('[1,2]'), [1, 2]);
  assert.equal(parseValue('inf'), 'inf');
  assert.equal(parseValue('newest'), 'newest');
  assert.equal(parseValue('a\\nb'), 'a\nb');
});

test('options come from every script, lower-cased with underscores as dashes', () => {
  const { options } = readAttributes([
    script({ 'data-isso': '/c/', 'data-isso-Max_Comments_Top': '10' }),
    script({ 'data-isso-vote': 'false', 'data-other': 'x', src: 'y' }),
  ]);
  assert.deepEqual(options, { 'max-comments-top': 10, vote: false });
});

test('text overrides are kept per language', () => {
  const { options, texts } = readAttributes([script({ 'data-isso-num-comments-text-pt-br': 'Um\\n{{ n }} comentários', 'data-isso-postbox-submit-text-de': 'Los' })]);
  assert.deepEqual(options, {});
  assert.deepEqual(texts, { 'pt-br': { 'num-comments': 'Um\n{{ n }} comentários' }, de: { 'postbox-submit': 'Los' } });
});

test('the endpoint is the first data-isso, resolved against the page, without its trailing slash', () => {
  const base = 'https://blog.example/posts/1/';
  assert.equal(findEndpoint([script({}), script({ 'data-isso': '//comments.example/' }), script({ 'data-isso': '/other' })], base), 'https://comments.example');
  assert.equal(findEndpoint([script({ 'data-isso': '/isso' })], base), 'https://blog.example/isso');
  assert.equal(findEndpoint([script({ 'data-isso': '../' })], 'http://localhost:8080/demo/'), 'http://localhost:8080');
});

test('without data-isso the last script src minus /js/embed.min.js is the endpoint', () => {
  const scripts = [script({}, { src: 'https://x.example/a.js' }), script({}, { src: 'https://comments.example/isso/js/embed.min.js' })];
  assert.equal(findEndpoint(scripts, 'https://blog.example/'), 'https://comments.example/isso');
});

test('an async or defer script without data-isso cannot be guessed', () => {
  assert.throws(() => findEndpoint([script({}, { src: 'https://c.example/js/embed.min.js', defer: true })], 'https://b.example/'), /data-isso/);
  assert.throws(() => findEndpoint([script({}, { async: true }), script({}, { src: 'https://c.example/js/count.min.js' })], 'https://b.example/'), /async or defer/);
});
