// The embed widget: reads Isso's markup and options, then shows counters, post box and thread.
import { h } from '../shared/dom.js';
import { readAttributes, findEndpoint } from '../shared/attributes.js';
import { createApi } from '../shared/api.js';
import { loadTranslator } from '../shared/catalogue.js';
import { digitsFor } from '../shared/digits.js';
import english from '../i18n/en.json';
import { fillCounters } from '../shared/counters.js';
import { defaults, serverOwned } from './options.js';
import { postbox } from './postbox.js';
import { renderComment } from './comment.js';
import { relativeTime } from './comment-parts.js';
import { firstPage, loadThread } from './thread.js';
import { followThread } from './live.js';
import { loadSolver, proofOfWork } from './proof.js';
import { describeError } from './errors.js';

const scripts = [...document.getElementsByTagName('script')];
const endpoint = findEndpoint(scripts, location.href);
const { options: attributes, texts } = readAttributes(scripts);
const options = { ...defaults, ...attributes };
// Reading document.cookie asks the browser each time: one read serves a whole pass over the comments.
let jar = null;
const cookies = () => {
  if (jar == null) queueMicrotask(() => (jar = null));
  return (jar ??= document.cookie);
};
const api = createApi(endpoint, { setCookie: (cookie) => { document.cookie = cookie; jar = null; } });
const translation = loadTranslator(endpoint, options, texts, english);
// The catalogue (from here), the settings and the thread (once the page is read) are asked for together.
let settings = null;
let ready = null;

const owns = (id) => cookies().split(/;\s*/).some((c) => c.startsWith(`isso-${id}=`));
const split = (value) => String(value ?? '').split(/[\s,]+/).filter(Boolean);

function threadId(thread) {
  return thread.getAttribute('data-isso-id') || location.pathname;
}

// The catalogues written right to left; the widget follows its catalogue, whatever the page's own direction.
const direction = (code) => (['ar', 'fa', 'he'].includes(code) ? 'rtl' : 'ltr');

/** The heading level that fits under the host page's own headings: `data-isso-heading-level`, 2 by default. */
const headingTag = () => `h${Math.min(Math.max(parseInt(options['heading-level'], 10) || 2, 1), 6)}`;

function injectStyle() {
  if (!options.css || document.getElementById('isso-style')) return;
  document.head.append(h('link', { id: 'isso-style', rel: 'stylesheet', href: options['css-url'] || `${endpoint}/css/isso.css` }));
}

/** Merges the server's settings (they win over attributes, as in Isso). */
function mergeServer(config) {
  for (const key of serverOwned) {
    if (!(key in config)) continue;
    if (key in attributes && attributes[key] !== config[key]) {
      console.info(`Parley: data-isso-${key} is set by the server to ${config[key]}`);
    }
    options[key] = config[key];
  }
}

function problem(thread, message, retry) {
  const box = h('div', { class: 'isso-load-error', role: 'alert' }, h('p', { class: 'isso-error' }, message),
    h('button', { type: 'button', class: 'isso-retry', onclick: () => { box.remove(); retry(); } }, ctx.t('retry')));
  thread.append(box);
}

const ctx = { api, options, endpoint, owns, proof: proofOfWork(api, () => loadSolver(endpoint)) };

// `first`, the first page of comments when already asked for, is waited for a moment before anything is drawn, so
// that the post box and the comments are laid out together, once; a thread slower than that does not keep the reader
// from writing.
async function setUp(first) {
  settings ??= document.getElementById('isso-thread') ? api.config() : null;
  settings?.catch(() => {});
  const { code, t } = await translation;
  Object.assign(ctx, { code, t, number: digitsFor(code) });
  fillCounters(document, api.count, t);
  const thread = document.getElementById('isso-thread');
  if (!thread) {
    console.info('Parley: no #isso-thread element on this page.');
    return null;
  }
  injectStyle();
  // Read in the catalogue's language and direction (WCAG 3.1.2), also on a page written otherwise.
  thread.lang = code;
  thread.dir = direction(code);
  thread.querySelector(':scope > .isso-load-error')?.remove();
  try {
    // GET /config answers {"config": {…}} (spec/api.md §4.9).
    mergeServer((await settings)?.config ?? {});
    await Promise.race([first?.catch(() => {}), new Promise((wait) => setTimeout(wait, 250))]);
  } catch (e) {
    problem(thread, `${t('error-load')} ${describeError(t, e)}`, () => {
      settings = null;
      ready = setUp();
      fetchComments();
    });
    return null;
  }
  const vl = options['vote-levels'];
  Object.assign(ctx, {
    uri: threadId(thread),
    title: thread.getAttribute('data-title') || null,
    authorHashes: split(options['page-author-hashes']),
    voteLevels: Array.isArray(vl) ? vl.map(Number) : typeof vl === 'string' ? split(vl).map(Number) : typeof vl === 'number' ? [vl] : null,
    avatarColours: split(options['avatar-fg']),
  });
  if (options.gravatar) options.avatar = false;

  const part = (selector, build) => thread.querySelector(`:scope > ${selector}`) ?? thread.appendChild(build());
  if (options.feed) {
    part('.isso-feedlink', () => h('span', { class: 'isso-feedlink' },
      h('a', { href: `${endpoint}/feed?uri=${encodeURIComponent(ctx.uri)}` }, t('atom-feed'))));
  }
  const heading = part('.isso-thread-heading', () => h(headingTag(), { class: 'isso-thread-heading', id: 'isso-thread-heading', tabindex: -1 }));
  // A landmark named by its heading ("3 comments"), so readers can jump to it.
  if (!thread.hasAttribute('aria-labelledby')) {
    thread.setAttribute('role', 'region');
    thread.setAttribute('aria-labelledby', heading.id);
  }
  const live = part('.isso-live', () => h('div', { class: 'isso-live isso-visually-hidden', role: 'status', 'aria-live': 'polite' }));
  // Focus moves to the new comment, as for replies: the post box is emptied and its Submit was disabled meanwhile.
  part('.isso-postbox', () => postbox(ctx, null, (comment) => ctx.insert(comment, true)));
  const root = part('#isso-root', () => h('div', { id: 'isso-root' }));
  root.uri ??= ctx.uri;

  Object.assign(ctx, {
    heading,
    root,
    announce(message) {
      live.textContent = '';
      setTimeout(() => (live.textContent = message), 50);
    },
    showError(e, near) {
      const p = h('p', { class: 'isso-error', role: 'alert' }, describeError(t, e));
      near.querySelector('.isso-error')?.remove();
      near.append(p);
    },
    insert(comment, focus) {
      const parent = comment.parent == null ? null : document.getElementById(`isso-${comment.parent}`);
      const el = renderComment(ctx, comment);
      el.posted = true;
      // A thread read after the comment was stored may already show it, drawn before its edit cookie existed:
      // this copy takes its place and the count stays.
      const shown = document.getElementById(`isso-${comment.id}`);
      if (shown) {
        el.followUp.append(...shown.followUp.childNodes);
        shown.replaceWith(el);
      } else {
        (parent ? parent.followUp : root).append(el);
        ctx.total = (ctx.total ?? 0) + 1;
        heading.textContent = t('num-comments', ctx.total);
      }
      ctx.announce(comment.mode === 2 ? t('comment-queued') : t('status-posted'));
      if (focus) el.focus();
      watchOwnership();
    },
    removed(el) {
      el.remove();
      ctx.total = Math.max((ctx.total ?? 1) - 1, 0);
      heading.textContent = ctx.total ? t('num-comments', ctx.total) : t('no-comments');
      heading.focus();
    },
  });
  return ctx;
}

function highlightTarget() {
  const match = /^#isso-(\d+)$/.exec(location.hash);
  const target = match && document.getElementById(`isso-${match[1]}`);
  if (!target) return;
  for (const old of document.querySelectorAll('.isso-target')) old.classList.remove('isso-target');
  target.querySelector('.isso-text-wrapper')?.classList.add('isso-target');
  target.scrollIntoView();
}

let ownershipTimer = null;
/** Re-checks the `isso-<id>` cookies every 15 s while any comment is still editable. */
function watchOwnership() {
  if (ownershipTimer) return;
  ownershipTimer = setInterval(() => {
    const comments = [...document.querySelectorAll('#isso-root .isso-comment')];
    if (!comments.map((el) => el.refreshOwnership?.()).some(Boolean)) {
      clearInterval(ownershipTimer);
      ownershipTimer = null;
    }
  }, 15000);
}

export function init() {
  ready = setUp();
  return ready;
}

export async function fetchComments() {
  const thread = document.getElementById('isso-thread');
  // Asked for before the settings and catalogue are in: the page of comments depends on neither.
  // With the live stream the page waits for it to open instead, so that no comment falls between the two.
  const page = thread && options.live !== true ? firstPage(api, threadId(thread), options) : undefined;
  page?.catch(() => {});
  ready ??= setUp(page);
  const ctxReady = await ready;
  if (!ctxReady) return;
  ctx.uri = threadId(thread);
  const live = followThread(ctx);
  live?.hold();
  await live?.opened;
  try {
    await loadThread(ctx, ctx.root, ctx.heading, page);
  } catch (e) {
    ctx.root.replaceChildren();
    problem(ctx.root, `${ctx.t('error-load')} ${describeError(ctx.t, e)}`, fetchComments);
    return;
  }
  highlightTarget();
  watchOwnership();
  live?.shown();
}

setInterval(() => {
  for (const time of document.querySelectorAll('#isso-root time')) {
    if (time.created != null) time.textContent = relativeTime(ctx, time.created);
  }
}, 60000);
addEventListener('hashchange', highlightTarget);

window.Isso = { init, fetchComments };
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => fetchComments());
} else {
  fetchComments();
}
