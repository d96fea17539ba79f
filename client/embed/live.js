// The live stream (data-isso-live="true", README "Live stream"): this thread's new, edited and deleted comments and
// vote counts appear without a reload and are announced politely. Nothing the reader is typing is replaced or removed.
import { renderComment } from './comment.js';

const find = (id) => document.getElementById(`isso-${id}`);
// The reader is writing in it (a reply, an edit): it must not be replaced or taken away.
const inUse = (el) => el.contains(document.activeElement) || [...el.querySelectorAll('textarea')].some((t) => t.value);

/**
 * Opens the stream for `ctx.uri` when the page asked for it (null otherwise); the browser reconnects and resumes after
 * the last event. The stream starts where the log stands when it opens, so the thread is fetched after `opened`: a
 * comment posted in between is then either in the fetch or on the stream. What arrives while the thread is being
 * fetched and drawn is held (`hold`) and shown after it (`shown`).
 */
export function followThread(ctx) {
  if (ctx.options.live !== true || typeof EventSource !== 'function') return null;
  if (ctx.live?.uri === ctx.uri) return ctx.live;
  ctx.live?.source.close();
  const source = new EventSource(`${ctx.endpoint}/events/stream?uri=${encodeURIComponent(ctx.uri)}`);
  let held = [];
  const on = (type, handle) => source.addEventListener(type, (e) => {
    const data = JSON.parse(e.data);
    if (data.uri !== ctx.uri) return;
    if (held) held.push(() => handle(data));
    else handle(data);
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
    votes.set?.(likes - dislikes);
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

  ctx.live = {
    uri: ctx.uri,
    source,
    // Opened, failed or slow (3 s): the thread is fetched then in any case.
    opened: new Promise((resolve) => {
      source.addEventListener('open', resolve, { once: true });
      source.addEventListener('error', resolve, { once: true });
      setTimeout(resolve, 3000);
    }),
    hold: () => (held ??= []),
    shown() {
      const waiting = held ?? [];
      held = null;
      for (const show of waiting) show();
    },
  };
  return ctx.live;

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
