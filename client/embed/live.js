// The live stream (data-isso-live="true", README "Live stream"): this thread's new, edited and deleted comments and
// vote counts appear without a reload and are announced politely. Nothing the reader is typing is replaced or removed.
import { renderComment } from './comment.js';

const find = (id) => document.getElementById(`isso-${id}`);
// The reader is writing in it (a reply, an edit): it must not be replaced or taken away.
const inUse = (el) => el.contains(document.activeElement) || [...el.querySelectorAll('textarea')].some((t) => t.value);

/** Opens the stream for `ctx.uri` when the page asked for it; the browser reconnects and resumes after the last event. */
export function followThread(ctx) {
  if (ctx.options.live !== true || typeof EventSource !== 'function' || ctx.source?.uri === ctx.uri) return;
  ctx.source?.close();
  const source = new EventSource(`${ctx.endpoint}/events/stream?uri=${encodeURIComponent(ctx.uri)}`);
  source.uri = ctx.uri;
  ctx.source = source;
  const on = (type, handle) => source.addEventListener(type, (e) => {
    const data = JSON.parse(e.data);
    if (data.uri === ctx.uri) handle(data);
  });
  on('comment.created', added);
  on('comment.activated', added);
  on('comment.edited', ({ comment }) => {
    const text = find(comment.id)?.querySelector(':scope > .isso-text-wrapper > .isso-text');
    if (text && !inUse(text)) text.innerHTML = comment.text;
  });
  on('comment.voted', ({ id, likes, dislikes }) => {
    const votes = find(id)?.querySelector(':scope > .isso-text-wrapper .isso-votes');
    if (!votes) return;
    votes.textContent = String(likes - dislikes);
    votes.setAttribute('aria-label', `${ctx.t('comment-score')}: ${likes - dislikes}`);
  });
  on('comment.deleted', ({ id, placeholder }) => {
    const el = find(id);
    if (!el) return;
    if (placeholder || inUse(el)) {
      el.querySelector(':scope > .isso-text-wrapper > .isso-text').innerHTML = '<p>&nbsp;</p>';
      el.querySelector(':scope > .isso-text-wrapper .isso-note').textContent = ctx.t('comment-deleted');
    } else {
      el.remove();
      setTotal(ctx, ctx.total - 1);
    }
  });

  function added({ comment }) {
    // The reader's own comment is on the page already, and so is one a fetch brought.
    if (find(comment.id)) return;
    const parent = comment.parent == null ? ctx.root : find(comment.parent)?.followUp;
    if (!parent) return;
    const el = renderComment(ctx, comment);
    if (comment.parent == null && ctx.options.sorting === 'newest') parent.prepend(el);
    else parent.append(el);
    setTotal(ctx, ctx.total + 1);
    ctx.announce(ctx.t('status-loaded', 1));
  }
}

function setTotal(ctx, total) {
  ctx.total = Math.max(total || 0, 0);
  ctx.heading.textContent = ctx.total ? ctx.t('num-comments', ctx.total) : ctx.t('no-comments');
}
