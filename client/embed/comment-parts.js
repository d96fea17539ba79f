// The look of a comment: classes, author, time, avatar and vote buttons (behaviour lives in comment.js).
import { h, decode } from '../shared/dom.js';
import { ago, isoUtc } from '../shared/dates.js';
import { identiconSvg } from './identicon.js';

/** Only http(s) addresses become links; the server escaped the value for HTML. */
function safeHref(website) {
  const href = website ? decode(website) : '';
  return /^https?:\/\//i.test(href) ? href : null;
}

/** Class `isso-vote-level-<i>`: i = how many of the level bounds the score reaches. */
export function voteLevel(levels, score) {
  return levels.filter((bound) => score >= bound).length;
}

export function relativeTime(ctx, created) {
  const [id, n] = ago((Date.now() - ctx.api.skew()) / 1000 - created);
  return ctx.t(id, n);
}

export function commentClasses(ctx, comment, isAuthor) {
  const classes = ['isso-comment'];
  if (isAuthor) classes.push('isso-is-page-author');
  if (!ctx.options.vote) classes.push('isso-no-votes');
  if (ctx.voteLevels) classes.push(`isso-vote-level-${voteLevel(ctx.voteLevels, comment.likes - comment.dislikes)}`);
  return classes.join(' ');
}

/** The author's name, linked to their website when it is an http(s) address. */
export function authorElement(ctx, comment) {
  const href = safeHref(comment.website);
  const name = comment.author ? decode(comment.author) : ctx.t('comment-anonymous');
  // dir=auto: a Latin name in a right-to-left thread (or the reverse) keeps its own order.
  return href ? h('a', { class: 'isso-author', href, rel: 'nofollow', dir: 'auto' }, name) : h('span', { class: 'isso-author', dir: 'auto' }, name);
}

/**
 * The score as visible text with its name for screen readers (an aria-label on a plain span is often not read);
 * `set(value)` changes it.
 */
export function scoreElement(ctx, score) {
  const value = h('span', { class: 'isso-score-value' }, ctx.number(score));
  const el = h('span', { class: 'isso-votes' }, h('span', { class: 'isso-visually-hidden' }, `${ctx.t('comment-score')}: `), value);
  // `score` is the score shown, whoever set it last (a vote here, or the live stream).
  el.set = (n) => (value.textContent = ctx.number((el.score = n)));
  el.score = score;
  return el;
}

// toLocaleString's fields, with one formatter for the whole thread: each toLocaleString call builds its own.
const dateFields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
const untitled = new Set();

// The full date in the tooltip is written once the comments show: the browser's first date formatter loads its
// locale data, which on a slow phone costs more than drawing the whole thread.
function titleSoon(ctx, time) {
  untitled.add(time);
  if (untitled.size > 1) return;
  (globalThis.requestIdleCallback ?? setTimeout)(() => {
    ctx.dates ??= new Intl.DateTimeFormat(ctx.code, dateFields);
    for (const t of untitled) t.title = ctx.dates.format(new Date(t.created * 1000));
    untitled.clear();
  });
}

/** A relative date, refreshed every minute by the widget through `time.created`; its title is the full date. */
export function timeElement(ctx, comment) {
  const time = h('time', { datetime: isoUtc(comment.created) }, relativeTime(ctx, comment.created));
  time.created = comment.created;
  titleSoon(ctx, time);
  return time;
}

export function avatarElement(ctx, comment) {
  const { options } = ctx;
  if (options.gravatar) return h('div', { class: 'isso-avatar' }, h('img', { src: comment.gravatar_image, alt: '', width: 48, height: 48 }));
  return options.avatar && h('div', { class: 'isso-avatar' }, identiconSvg(comment.hash, options['avatar-bg'], ctx.avatarColours));
}

/** An arrow button; its name comes from the catalogue since it shows no text. */
export function voteButton(t, up, onclick) {
  return h('button', { type: 'button', class: up ? 'isso-upvote' : 'isso-downvote', 'aria-label': t(up ? 'comment-upvote' : 'comment-downvote'), onclick },
    h('svg:svg', { viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' },
      h('svg:path', { d: up ? 'M7 2 13 11H1z' : 'M7 12 1 3h12z', fill: 'currentColor' })));
}
