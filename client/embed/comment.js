// One comment: header, server-rendered text, votes, reply/edit/delete, and its replies' container.
import { h } from '../shared/dom.js';
import { commentClasses, authorElement, timeElement, avatarElement, voteButton, scoreElement } from './comment-parts.js';
import { postbox } from './postbox.js';
import { describeError } from './errors.js';

export function renderComment(ctx, comment) {
  const { t, options } = ctx;
  const isAuthor = ctx.authorHashes.includes(comment.hash);
  const score = comment.likes - comment.dislikes;
  const author = authorElement(ctx, comment);
  const time = timeElement(ctx, comment);
  const note = h('span', { class: 'isso-note' }, comment.mode === 2 ? t('comment-queued') : comment.mode === 4 ? t('comment-deleted') : '');
  const text = h('div', { class: 'isso-text', dir: 'auto' });
  text.innerHTML = comment.mode === 4 ? '<p>&nbsp;</p>' : comment.text;
  const error = h('p', { class: 'isso-error', role: 'alert', hidden: true });
  const followUp = h('div', { class: 'isso-follow-up' });

  const votes = scoreElement(ctx, score);
  const reply = h('button', { type: 'button', class: 'isso-reply', 'aria-expanded': 'false', onclick: toggleReply }, t('comment-reply'));
  const edit = h('button', { type: 'button', class: 'isso-edit', onclick: toggleEdit }, t('comment-edit'));
  const cancel = h('button', { type: 'button', class: 'isso-cancel', hidden: true, onclick: stopEditing }, t('comment-cancel'));
  const remove = h('button', { type: 'button', class: 'isso-delete', onclick: confirmDelete }, t('comment-delete'));
  const footer = h('div', { class: 'isso-comment-footer' }, options.vote && [votes, voteButton(t, true, () => vote(true)), h('span', { class: 'isso-spacer' }), voteButton(t, false, () => vote(false))], reply, edit, cancel, remove);

  const avatar = avatarElement(ctx, comment);
  const wrapper = h(
    'div',
    { class: 'isso-text-wrapper' },
    h('div', { class: 'isso-comment-header' }, author,
      isAuthor && [h('span', { class: 'isso-spacer' }), h('span', { class: 'isso-page-author-suffix' }, t('comment-page-author-suffix'))],
      h('span', { class: 'isso-spacer' }), h('a', { class: 'isso-permalink', href: `#isso-${comment.id}` }, time), note),
    text,
    footer,
    error,
  );
  const el = h('div', { class: commentClasses(ctx, comment, isAuthor), id: `isso-${comment.id}`, 'data-hash': comment.hash, tabindex: -1 }, avatar, wrapper, followUp);
  el.followUp = followUp;

  let replyBox = null;
  let editor = null;
  let confirming = false;

  function fail(e) {
    error.textContent = describeError(t, e);
    error.hidden = false;
  }
  function ok() {
    error.hidden = true;
  }

  async function vote(up) {
    try {
      const result = await ctx.api.vote(comment.id, up);
      ok();
      const value = result.likes - result.dislikes;
      // Heard as well as seen. A vote the server did not count (one per reader and comment, none on one's own, as
      // in Isso) leaves the score as it was, and is told as such.
      ctx.announce(value === votes.score ? t('vote-not-counted') : `${t('comment-score')}: ${ctx.number(value)}`);
      votes.set(value);
    } catch (e) {
      fail(e);
    }
  }

  function toggleReply() {
    if (replyBox) {
      replyBox.remove();
      replyBox = null;
      reply.textContent = t('comment-reply');
      reply.setAttribute('aria-expanded', 'false');
      return;
    }
    replyBox = postbox(ctx, comment.parent ?? comment.id, (created) => {
      toggleReply();
      ctx.insert(created, true);
    });
    wrapper.after(replyBox);
    reply.textContent = t('comment-close');
    reply.setAttribute('aria-expanded', 'true');
    replyBox.focusText();
  }

  async function toggleEdit() {
    if (!editor) {
      try {
        const { text: raw } = await ctx.api.view(comment.id);
        ok();
        editor = h('textarea', { class: 'isso-textarea', rows: 5, minlength: 3, 'aria-label': t('postbox-text-label') });
        editor.value = raw;
        text.replaceChildren(editor);
        edit.textContent = t('comment-save');
        cancel.hidden = false;
        editor.focus();
      } catch (e) {
        fail(e);
      }
      return;
    }
    if (editor.value.length < 3) {
      error.textContent = t('error-text-short');
      error.hidden = false;
      editor.focus();
      return;
    }
    try {
      const updated = await ctx.api.edit(comment.id, editor.value);
      ok();
      comment.text = updated.text;
      stopEditing();
      ctx.announce(t('status-edited'));
    } catch (e) {
      fail(e);
    }
  }

  function stopEditing() {
    editor = null;
    text.innerHTML = comment.text;
    edit.textContent = t('comment-edit');
    cancel.hidden = true;
    edit.focus();
  }

  async function confirmDelete() {
    if (!confirming) {
      confirming = true;
      remove.textContent = t('comment-confirm');
      return;
    }
    try {
      const result = await ctx.api.remove(comment.id);
      ok();
      ctx.announce(t('comment-deleted'));
      if (result === null) {
        ctx.removed(el);
      } else {
        note.textContent = t('comment-deleted');
        text.innerHTML = '<p>&nbsp;</p>';
        edit.remove();
        remove.remove();
        cancel.remove();
        reply.focus();
      }
    } catch (e) {
      confirming = false;
      remove.textContent = t('comment-delete');
      fail(e);
    }
  }

  /** Edit and delete only while this browser holds the comment's `isso-<id>` cookie. */
  el.refreshOwnership = () => {
    const owned = ctx.owns(comment.id);
    // An open editor stays usable even if the cookie expires meanwhile; the server has the last word.
    edit.hidden = remove.hidden = !owned && !editor;
    reply.hidden = owned && !options['reply-to-self'];
    return owned;
  };
  el.refreshOwnership();
  return el;
}
