import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyQuery, deliveryText } from '../admin/history.js';
import { createAdminApi } from '../admin/api.js';

const form = (values) => ({ get: (name) => values[name] ?? null });

test('the first page of the history asks for 20 events and no filter', () => {
  assert.equal(historyQuery(form({}), null), 'limit=20');
});

test('filters are trimmed, left out when empty, and times sent as Unix seconds', () => {
  const since = '2026-12-07T10:30';
  const query = new URLSearchParams(historyQuery(form({ type: 'comment.created', uri: ' /post/a b/ ', since, until: '' }), null));
  assert.equal(query.get('type'), 'comment.created');
  assert.equal(query.get('uri'), '/post/a b/');
  assert.equal(Number(query.get('since')), new Date(since).getTime() / 1000);
  assert.equal(query.has('until'), false);
});

test('the next page continues before the last event shown', () => {
  assert.equal(historyQuery(form({ type: '' }), 'evt_01ABC'), 'limit=20&before=evt_01ABC');
});

test('the history is read with a GET to /events, without the CSRF header', async () => {
  const calls = [];
  const api = createAdminApi('/admin/api', 'token', async (url, init) => {
    calls.push({ url, init });
    return new Response('{"events":[],"next":null}', { status: 200 });
  });
  assert.deepEqual(await api.history('limit=20&type=comment.voted'), { events: [], next: null });
  assert.equal(calls[0].url, '/admin/api/events?limit=20&type=comment.voted');
  assert.equal(calls[0].init.method, 'GET');
  assert.equal(calls[0].init.headers['X-Parley-CSRF'], undefined);
});

test('an event handled by a destination without a delivery log just says so', () => {
  assert.equal(deliveryText({ destination: 'mail', state: 'handled', attempts: [] }), 'handled');
  assert.equal(deliveryText({ destination: 'webhook https://a.example/', state: 'stopped', attempts: [] }), 'waiting (stopped)');
});

test("an endpoint's attempts at an event give their number and the latest answer", () => {
  const attempts = [{ at: 2, ok: true, result: '200 OK', attempt: 2 }, { at: 1, ok: false, result: 'https://a.example/ answered 503', attempt: 1 }];
  assert.equal(deliveryText({ destination: 'webhook https://a.example/', state: 'handled', attempts }), 'handled; 2 attempts, latest: Delivered (200 OK)');
  assert.equal(deliveryText({ destination: 'webhook https://a.example/', state: 'waiting', attempts: attempts.slice(1) }),
    'waiting; 1 attempt, latest: Failed (https://a.example/ answered 503)');
});
