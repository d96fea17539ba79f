import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampPage, formatDate, initialState, listQuery, pageCount, pageLabel, resultMessage, tabLabel } from '../admin/state.js';
import { createAdminApi } from '../admin/api.js';

test('the first listing asks for pending comments, newest first, 50 a page', () => {
  assert.equal(listQuery(initialState()), 'mode=2&page=0&per_page=50&order_by=created&asc=0');
});

test('search fields are trimmed, encoded and left out when empty', () => {
  const state = { ...initialState(), mode: 1, page: 3, sort: 'thread', text: ' 100% sure ', author: '', email: 'a@b.c', thread: '  ' };
  assert.equal(listQuery(state), 'mode=1&page=3&per_page=50&order_by=tid&asc=1&text=100%25%20sure&email=a%40b.c');
});

test('each sort maps to an order and a direction', () => {
  const order = (sort) => listQuery({ ...initialState(), sort }).split('&').slice(3).join('&');
  assert.equal(order('oldest'), 'order_by=created&asc=1');
  assert.equal(order('liked'), 'order_by=likes&asc=0');
  assert.equal(order('unknown'), 'order_by=created&asc=0');
});

test('paging counts at least one page and clamps to the last', () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(50), 1);
  assert.equal(pageCount(51), 2);
  assert.equal(pageCount(7, 3), 3);
  assert.equal(clampPage(4, 120), 2);
  assert.equal(clampPage(-1, 120), 0);
  assert.equal(clampPage(1, 0), 0);
  assert.equal(pageLabel(0, 0), 'Page 1 of 1');
  assert.equal(pageLabel(1, 101), 'Page 2 of 3');
});

test('labels say how many', () => {
  assert.equal(tabLabel(2, { 1: 4, 2: 10, 4: 0 }), 'Pending (10)');
  assert.equal(tabLabel('4', { 1: 4 }), 'Deleted (0)');
  assert.equal(resultMessage('activate', 10), '10 comments approved.');
  assert.equal(resultMessage('delete', 1), '1 comment deleted.');
});

test('dates read as local YYYY-MM-DD HH:MM', () => {
  const d = new Date(2026, 0, 5, 7, 3);
  assert.equal(formatDate(d.getTime() / 1000), '2026-01-05 07:03');
});

test('writes carry the CSRF token and JSON; reads carry neither', async () => {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return { ok: true, status: 200, text: async () => '{"activated":[1]}' };
  };
  const api = createAdminApi('http://x/admin/api', 'tok', fetch);
  assert.deepEqual(await api.activate([1]), { activated: [1] });
  await api.list(initialState());
  assert.equal(calls[0].url, 'http://x/admin/api/comments/activate');
  assert.equal(calls[0].init.headers['X-Parley-CSRF'], 'tok');
  assert.equal(calls[0].init.body, '{"ids":[1]}');
  assert.equal(calls[1].init.headers['X-Parley-CSRF'], undefined);
  assert.equal(calls[1].init.credentials, 'same-origin');
});

test('a refusal becomes an error with the status and the server message', async () => {
  const fetch = async () => ({ ok: false, status: 401, text: async () => '{"message":"sign in first"}' });
  await assert.rejects(createAdminApi('', '', fetch).remove([2]), { status: 401, message: 'sign in first' });
});
