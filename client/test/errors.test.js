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
