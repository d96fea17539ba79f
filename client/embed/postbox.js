// The post box: new comments and replies, with preview, client-side checks and kept input on failure.
import { h } from '../shared/dom.js';
import { recall, remember } from './storage.js';
import { describeError, fieldOf } from './errors.js';

let boxes = 0;

/** A post box for the thread (`parent` null) or a reply; `onPosted(comment)` renders the result. */
export function postbox(ctx, parent, onPosted) {
  const { t, options } = ctx;
  const n = boxes++;
  const id = (name) => `isso-postbox-${name}${n ? `-${n}` : ''}`;
  const optional = (label, required) => (required ? t(label).replace(/\s*\([^)]*\)\s*$/, '') : t(label));

  const text = h('textarea', {
    class: 'isso-textarea', id: id('text'), name: 'text', rows: 5, minlength: 3, maxlength: 65535,
    placeholder: t('postbox-text'), 'aria-describedby': id('error'),
  });
  const field = (name, type, required) =>
    h('input', {
      id: id(name), type, name, placeholder: t(`postbox-${name}-placeholder`), value: recall(name) ?? '',
      autocomplete: { author: 'name', email: 'email', website: 'url' }[name], 'aria-required': required ? 'true' : null,
      // Addresses read left to right in every language (and their placeholders are cut at the right end).
      dir: name === 'author' ? null : 'ltr',
    });
  const author = field('author', 'text', options['require-author']);
  const email = field('email', 'email', options['require-email']);
  const website = options['website-field'] === false ? null : field('website', 'text', false);
  // Off screen rather than merely hidden, so form-filling bots see a field; readers skip it (no tab stop), and a
  // screen reader that reaches it is told to leave it empty.
  const trap = options.honeypot
    ? h('input', { type: 'text', id: id('subject'), name: 'subject', tabindex: '-1', autocomplete: 'off' })
    : null;
  const notify = h('input', { type: 'checkbox', name: 'notification', checked: options['reply-notifications-default-enabled'] });
  const notifyThread = h('input', { type: 'checkbox', name: 'notification-thread' });
  const replies = h('label', { class: 'isso-notification-replies' }, notify, ' ', t('postbox-notification'));
  const thread = h('label', { class: 'isso-notification-thread' }, notifyThread, ' ', t('postbox-notification-thread'));
  const notification = h('div', { class: 'isso-notification-section' }, replies, thread);
  const error = h('p', { class: 'isso-error', id: id('error'), role: 'alert', hidden: true });
  const previewText = h('div', { class: 'isso-text' });
  const submit = h('input', { type: 'submit', value: t('postbox-submit') });
  const editButton = h('input', { type: 'button', name: 'edit', value: t('postbox-edit'), onclick: unpreview });
  const inputWrapper = (name, input, label) =>
    input && h('p', { class: 'isso-input-wrapper' }, h('label', { for: input.id }, label), input);

  const form = h(
    'form',
    { class: 'isso-form-wrapper', novalidate: true },
    h(
      'div',
      { class: 'isso-textarea-wrapper' },
      h('label', { class: 'isso-visually-hidden', for: text.id }, t('postbox-text-label')),
      text,
      h('div', { class: 'isso-preview' }, h('div', { class: 'isso-comment' }, h('div', { class: 'isso-text-wrapper' }, previewText))),
    ),
    h(
      'div',
      { class: 'isso-auth-section' },
      inputWrapper('author', author, optional('postbox-author', options['require-author'])),
      inputWrapper('email', email, optional('postbox-email', options['require-email'])),
      inputWrapper('website', website, t('postbox-website')),
      // Clipped away like any visually hidden text, not display:none: bots filling every field find it.
      trap && h('p', { class: 'isso-input-wrapper isso-honeypot isso-visually-hidden' }, h('label', { for: trap.id }, t('postbox-honeypot')), trap),
      h('p', { class: 'isso-post-action' }, submit),
      h('p', { class: 'isso-post-action' }, h('input', { type: 'button', name: 'preview', value: t('postbox-preview'), onclick: preview })),
      h('p', { class: 'isso-post-action' }, editButton),
    ),
    notification,
    error,
  );
  const box = h('div', { class: 'isso-postbox' }, form);

  const showNotification = () => {
    replies.hidden = !options['reply-notifications'];
    thread.hidden = !options['thread-notifications'];
    notification.hidden = !(email.value.trim() && (!replies.hidden || !thread.hidden));
  };
  // comments.notification: 2 every new comment of the thread (which includes replies), 1 replies, 0 nothing.
  const level = () => {
    if (notification.hidden) return 0;
    if (!thread.hidden && notifyThread.checked) return 2;
    return !replies.hidden && notify.checked ? 1 : 0;
  };
  email.addEventListener('input', showNotification);
  showNotification();
  // The puzzle is solved while the reader writes (one at a time; a posted comment uses its own up).
  if (options['proof-of-work']) {
    for (const input of [text, author, email]) input.addEventListener('input', () => ctx.proof.prepare());
  }

  // The field at fault is marked, described by the message, and takes focus (Submit does when no field is).
  function fail(message, focus) {
    error.textContent = message;
    error.hidden = false;
    if (focus && focus !== submit) {
      focus.setAttribute('aria-invalid', 'true');
      if (focus !== text) focus.setAttribute('aria-describedby', error.id);
    }
    focus?.focus();
  }
  function clearError() {
    error.hidden = true;
    error.textContent = '';
    for (const input of form.querySelectorAll('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      if (input !== text) input.removeAttribute('aria-describedby');
    }
  }
  function unpreview() {
    box.classList.remove('isso-preview-mode');
    text.focus();
  }
  async function preview() {
    clearError();
    try {
      const { text: html } = await ctx.api.preview(text.value);
      previewText.innerHTML = html;
      box.classList.add('isso-preview-mode');
      // The text area is hidden now: keep keyboard focus on the way back to it.
      editButton.focus();
    } catch (e) {
      fail(describeError(t, e));
    }
  }
  function invalid() {
    if (text.value.length < 3) return [t('error-text-short'), text];
    if (options['require-author'] && !author.value.trim()) return [t('error-required'), author];
    if (options['require-email'] && !email.value.trim()) return [t('error-required'), email];
    return null;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    clearError();
    const problem = invalid();
    if (problem) return fail(...problem);
    const value = (input) => (input && input.value.trim() ? input.value.trim() : null);
    const comment = {
      author: value(author), email: value(email), website: value(website), text: text.value,
      parent, title: ctx.title, notification: level(),
    };
    if (trap) comment.subject = trap.value;
    remember('author', comment.author);
    remember('email', comment.email);
    remember('website', comment.website);
    submit.disabled = true;
    try {
      if (options['proof-of-work']) comment.altcha = await ctx.proof.take();
      const created = await ctx.api.create(ctx.uri, comment);
      text.value = '';
      previewText.textContent = '';
      box.classList.remove('isso-preview-mode');
      onPosted(created);
    } catch (e) {
      // Enabled before fail() may focus it: a disabled button takes no focus.
      submit.disabled = false;
      fail(describeError(t, e), { text, author, email, website }[fieldOf(e)] ?? submit);
    } finally {
      submit.disabled = false;
    }
  });

  box.focusText = () => text.focus();
  return box;
}
