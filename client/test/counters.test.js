import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counterLinks, fillCounters } from '../shared/counters.js';

const link = (href, id) => ({ href, textContent: 'Comments', getAttribute: (name) => (name === 'data-isso-id' ? id ?? null : null) });
const page = (...links) => ({ getElementsByTagName: () => links });

test('links ending in #isso-thread are counted by path or data-isso-id, each id once', () => {
  const doc = page(link('https://blog.example/a/#isso-thread'), link('https://blog.example/b/'), link('https://blog.example/a/#isso-thread'), link('https://blog.example/c/#isso-thread', '/custom'));
  const { links, ids } = counterLinks(doc);
  assert.deepEqual(ids, ['/a/', '/custom']);
  assert.equal(links.length, 3);
});

test('each link shows its pluralised count; a failed count leaves the text alone', async () => {
  const a = link('https://blog.example/a/#isso-thread');
  const b = link('https://blog.example/b/#isso-thread');
  let asked;
  await fillCounters(page(a, b), async (ids) => ((asked = ids), [1, 0]), (id, n) => `${id}:${n}`);
  assert.deepEqual(asked, ['/a/', '/b/']);
  assert.equal(a.textContent, 'num-comments:1');
  assert.equal(b.textContent, 'num-comments:0');
  const c = link('https://blog.example/c/#isso-thread');
  const warn = console.warn;
  console.warn = () => {};
  await fillCounters(page(c), async () => { throw new Error('down'); }, () => 'x');
  console.warn = warn;
  assert.equal(c.textContent, 'Comments');
});

test('a page without counter links makes no request', async () => {
  let called = false;
  await fillCounters(page(link('https://blog.example/')), async () => ((called = true), []), () => '');
  assert.equal(called, false);
});
