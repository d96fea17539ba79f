import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// The budgets of the built files (run `npm run build` first; the test command does).
const built = new URL('../../src/Parley/wwwroot/', import.meta.url);
const gzipped = (path) => {
  const file = new URL(path, built);
  assert.ok(existsSync(file), `${path} is missing: run npm run build`);
  return gzipSync(readFileSync(file), { level: 9 }).length;
};

test('embed.min.js is at most 12 kB gzipped', () => {
  const size = gzipped('js/embed.min.js');
  assert.ok(size <= 12 * 1024, `embed.min.js is ${size} bytes gzipped`);
});

test('count.min.js is at most 1.5 kB gzipped', () => {
  const size = gzipped('js/count.min.js');
  assert.ok(size <= 1.5 * 1024, `count.min.js is ${size} bytes gzipped`);
});

test('admin.js is at most 10 kB gzipped', () => {
  const size = gzipped('js/admin.js');
  assert.ok(size <= 10 * 1024, `admin.js is ${size} bytes gzipped`);
  assert.ok(gzipped('css/admin.css') > 300);
});

test('the stylesheet and every catalogue are built', () => {
  assert.ok(gzipped('css/isso.css') > 500);
  const counts = JSON.parse(readFileSync(new URL('js/i18n/counts.json', built), 'utf8'));
  for (const code of Object.keys(counts)) assert.ok(existsSync(new URL(`js/i18n/${code}.json`, built)), code);
  assert.ok(Object.keys(counts).length >= 33, `${Object.keys(counts).length} languages`);
});
