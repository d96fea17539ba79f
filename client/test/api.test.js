import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createApi, query, errorReason, ApiError } from '../shared/api.js';

// A real HTTP server that records each request and answers from a script.
const seen = [];
let answer = () => ({ status: 200, body: 'null' });
let server;
let endpoint;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const { status, body: out, headers = {} } = answer(req);
      res.writeHead(status, { Date: new Date(Date.now() - 60000).toUTCString(), ...headers });
      res.end(out);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('query strings keep Isso order and drop null values', () => {
  assert.equal(query({ uri: '/a b/?x=1', sort: 'newest', parent: undefined, offset: 0, limit: null, nested_limit: 5 }), 'uri=%2Fa%20b%2F%3Fx%3D1&sort=newest&offset=0&nested_limit=5');
});

test('a thread fetch is a GET with the parameters in order and no content type', async () => {
  seen.length = 0;
  answer = () => ({ status: 200, body: '{"id":null,"total_replies":0,"hidden_replies":0,"replies":[]}' });
  const api = createApi(endpoint);
  const page = await api.fetch('/post/1', { sort: 'oldest', limit: 10, nestedLimit: 5 });
  assert.equal(page.total_replies, 0);
  assert.equal(seen[0].method, 'GET');
  assert.equal(seen[0].url, '/?uri=%2Fpost%2F1&sort=oldest&offset=0&limit=10&nested_limit=5');
  assert.equal(seen[0].headers['content-type'], undefined);
  assert.equal(seen[0].headers.accept, 'application/json');
});

test('writes send JSON with the content type the CSRF check wants', async () => {
  seen.length = 0;
  answer = () => ({ status: 201, body: '{"id":7,"text":"<p>hi</p>"}', headers: { 'X-Set-Cookie': 'isso-7=abc; Max-Age=900; Path=/' } });
  const cookies = [];
  const api = createApi(endpoint, { setCookie: (c) => cookies.push(c) });
  const created = await api.create('/post/1', { text: 'hi', author: null });
  assert.equal(created.id, 7);
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].url, '/new?uri=%2Fpost%2F1');
  assert.equal(seen[0].headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(seen[0].body), { text: 'hi', author: null });
  assert.deepEqual(cookies, ['isso-7=abc; Max-Age=900; Path=/']);
});

test('every other call hits its Isso route', async () => {
  seen.length = 0;
  answer = () => ({ status: 200, body: '{"likes":1,"dislikes":0,"text":"t"}' });
  const api = createApi(endpoint);
  await api.count(['/a', '/b']);
  await api.preview('**x**');
  await api.view(3);
  await api.edit(3, 'new text');
  await api.vote(3, true);
  await api.vote(3, false);
  await api.config();
  answer = () => ({ status: 200, body: 'null' });
  assert.equal(await api.remove(3), null);
  assert.deepEqual(seen.map((r) => `${r.method} ${r.url} ${r.body}`), [
    'POST /count ["/a","/b"]', 'POST /preview {"text":"**x**"}', 'GET /id/3?plain=1 ', 'PUT /id/3 {"text":"new text"}',
    'POST /id/3/like ', 'POST /id/3/dislike ', 'GET /config ', 'DELETE /id/3 ',
  ]);
});

test('cookies not meant for the client are ignored', async () => {
  answer = () => ({ status: 200, body: '{}', headers: { 'X-Set-Cookie': 'session=1' } });
  const cookies = [];
  await createApi(endpoint, { setCookie: (c) => cookies.push(c) }).config();
  assert.deepEqual(cookies, []);
});

test('the clock skew is the mean difference to the server Date header', async () => {
  answer = () => ({ status: 200, body: '{}' });
  const api = createApi(endpoint);
  assert.equal(api.skew(), 0);
  await api.config();
  await api.config();
  // The server's clock is a minute behind (to the second, as Date headers are).
  assert.ok(api.skew() > 59000 && api.skew() < 62000, `skew ${api.skew()}`);
});

test('refusals carry the reason from an HTML or JSON error body', async () => {
  answer = () => ({ status: 400, body: '<!doctype html><title>400 Bad Request</title><h1>Bad Request</h1><p>text is too short (minimum length: 3)</p>', headers: { 'Content-Type': 'text/html' } });
  const api = createApi(endpoint);
  await assert.rejects(api.create('/p', { text: 'x' }), (e) => e instanceof ApiError && e.status === 400 && e.message === 'text is too short (minimum length: 3)');
  answer = () => ({ status: 403, body: '{"message": "403 Forbidden: ratelimit exceeded (1.2.3.0)"}' });
  await assert.rejects(api.create('/p', { text: 'xyz' }), (e) => e.status === 403 && e.message === '403 Forbidden: ratelimit exceeded (1.2.3.0)');
  answer = () => ({ status: 502, body: '' });
  await assert.rejects(api.config(), (e) => e.status === 502 && e.message === '502');
});

test('an unreachable server is status 0', async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(createApi(`http://127.0.0.1:${port}`).config(), (e) => e instanceof ApiError && e.status === 0 && !e.notAllowed);
});

// What a browser does with an answer whose CORS headers refuse the page: the same TypeError as an outage.
// Only the origin check (no cookies, readable by any page) gets through to the real server.
function corsRefusing(probes) {
  return (url, init) => {
    if (new URL(url).pathname !== '/origin-check') return Promise.reject(new TypeError('Failed to fetch'));
    probes.push(init);
    return fetch(url, init);
  };
}

test('a failed request asks the origin check, without cookies, whether this website is refused', async () => {
  seen.length = 0;
  answer = (req) => ({ status: 200, body: req.url === '/origin-check' ? '{"allowed":false}' : '{}' });
  const probes = [];
  const api = createApi(endpoint, { fetch: corsRefusing(probes) });
  await assert.rejects(api.fetch('/post/1'), (e) => e instanceof ApiError && e.status === 0 && e.notAllowed === true);
  assert.deepEqual(seen.map((r) => `${r.method} ${r.url}`), ['GET /origin-check']);
  assert.equal(probes[0].credentials, 'omit');
});

test('a failure while the origin check allows this website is an outage', async () => {
  answer = () => ({ status: 200, body: '{"allowed":true}' });
  const api = createApi(endpoint, { fetch: corsRefusing([]) });
  await assert.rejects(api.config(), (e) => e.status === 0 && e.notAllowed === false);
});

test('error reasons decode entities and drop tags', () => {
  assert.equal(errorReason('<p>can&#39;t &lt;b&gt; <em>x</em></p>'), "can't <b> x");
  assert.equal(errorReason('plain words'), '');
  assert.equal(errorReason('{"message": 5}'), '');
});

test('a refusal carries the code of X-Parley-Error, and none without it', async () => {
  answer = () => ({ status: 400, body: '<!doctype html>\n<p>Website not Django-conform</p>\n', headers: { 'X-Parley-Error': 'website-invalid' } });
  const api = createApi(endpoint);
  const refused = await api.create('/p', { text: 'Hello' }).catch((e) => e);
  assert.ok(refused instanceof ApiError);
  assert.deepEqual([refused.status, refused.message, refused.code], [400, 'Website not Django-conform', 'website-invalid']);
  answer = () => ({ status: 404, body: '<p>Not Found</p>' });
  assert.equal((await api.view(1).catch((e) => e)).code, null);
});
