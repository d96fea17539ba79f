import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { translator } from '../shared/i18n.js';
import { describeError } from '../embed/errors.js';
import { ApiError } from '../shared/api.js';

const en = JSON.parse(readFileSync(new URL('../i18n/en.json', import.meta.url), 'utf8'));
const t = translator('en', en, en);

test('a website the server refuses is told apart from a server out of reach', () => {
  assert.equal(describeError(t, new ApiError(0, 'Failed to fetch', true)), en['error-not-allowed']);
  assert.equal(describeError(t, new ApiError(0, 'Failed to fetch')), en['error-network']);
  assert.match(en['error-not-allowed'], /not allowed/);
});

test('answers the server gave keep their own messages', () => {
  assert.equal(describeError(t, new ApiError(503, '503')), 'The comment server failed (error 503). Your text is kept; please try again.');
  assert.equal(describeError(t, new ApiError(403, 'ratelimit exceeded')), 'The comment server refused this: ratelimit exceeded');
});

test('a 503 with the server\'s reason shows that reason', () => {
  const full = 'The comment server cannot save anything at the moment: its disk is full. Please try again later.';
  assert.equal(describeError(t, new ApiError(503, full)), `The comment server refused this: ${full}`);
  assert.equal(describeError(t, new ApiError(500, 'boom')), 'The comment server failed (error 500). Your text is kept; please try again.');
});

test('a refusal with a known code reads as the catalogue says and names its field', async () => {
  const { fieldOf } = await import('../embed/errors.js');
  const website = new ApiError(400, 'Website not Django-conform', false, 'website-invalid');
  assert.equal(describeError(t, website), en['error-website-invalid']);
  assert.equal(fieldOf(website), 'website');
  assert.equal(describeError(t, new ApiError(403, 'ratelimit exceeded: …', false, 'rate-limited')), en['error-rate-limited']);
  assert.equal(fieldOf(new ApiError(403, 'x', false, 'rate-limited')), null);
  assert.equal(describeError(t, new ApiError(403, 'email address required but not provided', false, 'email-required')), en['error-required']);
  // A code the client does not know keeps the server's words.
  assert.equal(describeError(t, new ApiError(403, 'something new', false, 'new-code')), 'The comment server refused this: something new');
  assert.equal(fieldOf(new ApiError(403, 'something new', false, 'new-code')), null);
});
