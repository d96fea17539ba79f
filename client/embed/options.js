// Isso's client options with their defaults (spec/client.md §3).

export const defaults = {
  css: true,
  'css-url': null,
  lang: null,
  'default-lang': 'en',
  'max-comments-top': 'inf',
  'max-comments-nested': 5,
  'reveal-on-click': 5,
  sorting: 'oldest',
  avatar: true,
  'avatar-bg': '#f0f0f0',
  'avatar-fg': '#9abf88 #5698c4 #e279a3 #9163b6 #be5168 #f19670 #e4bf80 #447c69',
  vote: true,
  'vote-levels': null,
  'page-author-hashes': '',
  'reply-notifications-default-enabled': false,
  // Parley: follow the thread's live stream.
  live: false,
  // Owned by the server: GET /config overrides them.
  'reply-to-self': false,
  'require-email': false,
  'require-author': false,
  'website-field': true,
  'reply-notifications': false,
  // Isso's thread proposal: a second checkbox subscribes to every new comment.
  'thread-notifications': false,
  gravatar: false,
  feed: false,
  // Parley's [spam]: what a comment must carry.
  'proof-of-work': false,
  honeypot: false,
};

export const serverOwned = ['reply-to-self', 'require-email', 'require-author', 'website-field', 'reply-notifications', 'thread-notifications',
  'gravatar', 'avatar', 'feed', 'proof-of-work', 'honeypot'];
