// The thread: fetch, render comments with their replies, and "N Hidden" loaders for the rest.
import { h } from '../shared/dom.js';
import { renderComment } from './comment.js';

function limitOf(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Renders a fetched page of comments into `container`, adding a loader when replies remain hidden. */
export function renderReplies(ctx, container, parent, page) {
  const added = [];
  for (const comment of page.replies ?? []) {
    // A comment the reader posted on this page may come back in a later page: show it once.
    if (document.getElementById(`isso-${comment.id}`)) continue;
    const el = renderComment(ctx, comment);
    container.append(el);
    added.push(el);
    if (comment.replies) renderReplies(ctx, el.followUp, comment.id, comment);
  }
  container.loaded = (container.loaded ?? 0) + (page.replies?.length ?? 0);
  if (page.hidden_replies > 0) container.append(loader(ctx, container, parent, page.hidden_replies));
  return added;
}

function loader(ctx, container, parent, hidden) {
  const { t, options } = ctx;
  const button = h('button', { type: 'button', class: 'isso-load-hidden', onclick: load }, t('comment-hidden', hidden));
  const el = h('div', { class: 'isso-comment-loader', id: `isso-loader-${parent ?? 'null'}` }, button);

  async function load() {
    button.disabled = true;
    try {
      const page = await ctx.api.fetch(ctx.uri, {
        sort: options.sorting, parent: parent ?? undefined, offset: container.loaded,
        limit: limitOf(options['reveal-on-click']), nestedLimit: limitOf(options['max-comments-nested']),
      });
      el.remove();
      const added = renderReplies(ctx, container, parent, page);
      ctx.announce(t('status-loaded', added.length));
      added[0]?.focus();
    } catch (e) {
      button.disabled = false;
      ctx.showError(e, el);
    }
  }
  return el;
}

/** Asks for the first page of thread `uri`: it depends only on the page's own options. */
export function firstPage(api, uri, options) {
  return api.fetch(uri, {
    sort: options.sorting, limit: limitOf(options['max-comments-top']), nestedLimit: limitOf(options['max-comments-nested']),
  });
}

/** Loads the first page of the thread (`request`, when already asked for) into `root` and sets the heading. */
export async function loadThread(ctx, root, heading, request = firstPage(ctx.api, ctx.uri, ctx.options)) {
  const { t } = ctx;
  const page = await request;
  // Comments the reader posted on this thread while the page was on its way stay where they are.
  const posted = root.uri === ctx.uri ? [...root.children].filter((el) => el.posted) : [];
  root.replaceChildren();
  root.loaded = 0;
  root.uri = ctx.uri;
  renderReplies(ctx, root, null, page);
  const kept = posted.filter((el) => !document.getElementById(el.id));
  root.append(...kept);
  ctx.total = page.total_replies + kept.length;
  heading.textContent = ctx.total ? t('num-comments', ctx.total) : t('no-comments');
}
