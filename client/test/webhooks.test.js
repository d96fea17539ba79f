import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateLabel } from '../admin/webhooks.js';
import { createAdminApi } from '../admin/api.js';
import { formatDate } from '../admin/state.js';

test('a running endpoint says so', () => {
  assert.equal(stateLabel({ state: 'running', failures: 0, retryAt: null, stopped: null, reason: null }), 'Running.');
});

test('a retrying endpoint gives its failures and the next try', () => {
  const at = 1796630400;
  assert.equal(stateLabel({ state: 'retrying', failures: 1, retryAt: at }), `Retrying: 1 failed attempt in a row, next try ${formatDate(at)}.`);
  assert.equal(stateLabel({ state: 'retrying', failures: 3, retryAt: null }), 'Retrying: 3 failed attempts in a row.');
});

test('a stopped endpoint gives when and why', () => {
  const at = 1796630400;
  assert.equal(stateLabel({ state: 'stopped', stopped: at, reason: 'https://hooks.example/ answered 410 Gone' }),
    `Stopped since ${formatDate(at)}: https://hooks.example/ answered 410 Gone`);
});

test('starting and sending again are POSTs with the CSRF token; a start without a body still answers true', async () => {
  const calls = [];
  const api = createAdminApi('/admin/api', 'token', async (url, init) => {
    calls.push({ url, init });
    return url.endsWith('/start') ? new Response(null, { status: 204 }) : new Response('{"ok":true,"result":"200 OK"}', { status: 200 });
  });
  assert.equal(await api.startWebhook('https://hooks.example/'), true);
  assert.deepEqual(await api.resendWebhook('https://hooks.example/', 'evt_1'), { ok: true, result: '200 OK' });
  assert.deepEqual(calls.map((c) => [c.url, c.init.method, c.init.headers['X-Parley-CSRF'], JSON.parse(c.init.body)]), [
    ['/admin/api/webhooks/start', 'POST', 'token', { url: 'https://hooks.example/' }],
    ['/admin/api/webhooks/resend', 'POST', 'token', { url: 'https://hooks.example/', event: 'evt_1' }],
  ]);
});

test('a refused start fails with the server message', async () => {
  const api = createAdminApi('/admin/api', 'token', async () => new Response('{"message":"x is not in [webhook] url"}', { status: 404 }));
  await assert.rejects(api.startWebhook('x'), /x is not in \[webhook\] url/);
});
