import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, serverOwned } from '../embed/options.js';
import { voteLevel } from '../embed/comment-parts.js';

test('every option of Isso, and Parley\'s live, has its documented default', () => {
  assert.deepEqual(defaults, {
    css: true, 'css-url': null, lang: null, 'default-lang': 'en', 'max-comments-top': 'inf', 'max-comments-nested': 5,
    'reveal-on-click': 5, sorting: 'oldest', avatar: true, 'avatar-bg': '#f0f0f0',
    'avatar-fg': '#9abf88 #5698c4 #e279a3 #9163b6 #be5168 #f19670 #e4bf80 #447c69', vote: true, 'vote-levels': null,
    'page-author-hashes': '', 'reply-notifications-default-enabled': false, live: false, 'reply-to-self': false, 'require-email': false,
    'require-author': false, 'website-field': true, 'reply-notifications': false, 'thread-notifications': false,
    gravatar: false, feed: false, 'proof-of-work': false, honeypot: false,
  });
});

test('the server decides the settings it owns', () => {
  assert.deepEqual([...serverOwned].sort(), ['avatar', 'feed', 'gravatar', 'honeypot', 'proof-of-work', 'reply-notifications', 'reply-to-self',
    'require-author', 'require-email', 'thread-notifications', 'website-field']);
});

test('vote levels band the score', () => {
  assert.equal(voteLevel([-5, 5], -6), 0);
  assert.equal(voteLevel([-5, 5], -5), 1);
  assert.equal(voteLevel([-5, 5], 0), 1);
  assert.equal(voteLevel([-5, 5], 5), 2);
  assert.equal(voteLevel([], 3), 0);
});
