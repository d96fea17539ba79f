// One comment of the list: selection box, who and where, the rendered text, and its actions.
import { h, decode } from '../shared/dom.js';
import { formatDate } from './state.js';
import { MODES, T } from './strings.js';

/** `actions`: onSelect(), approve(c), remove(c), save(c, fields) → Promise, ban(c, kind); `site` is the website's origin. */
export function commentRow(c, site, actions) {
  const text = h('div', { class: 'parley-text' });
  // The server renders and sanitises the Markdown; this is the same HTML the embed shows.
  text.innerHTML = c.html;
  const author = c.author ? decode(c.author) : T.anonymous;
  const thread = h('a', { href: site + c.uri + '#isso-' + c.id }, c.title ? decode(c.title) : c.uri);
  const buttons = h('div', { class: 'parley-actions' },
    c.mode === 2 && h('button', { type: 'button', onclick: () => actions.approve(c) }, T.approve),
    c.mode !== 4 && h('button', { type: 'button', onclick: () => openEditor() }, T.edit),
    h('button', { type: 'button', onclick: () => actions.ban(c, 'address') }, T.banAddress),
    c.email && h('button', { type: 'button', onclick: () => actions.ban(c, 'email') }, T.banEmail),
    h('button', { type: 'button', class: 'parley-danger', onclick: () => actions.remove(c) }, T.delete));
  const row = h('li', { class: 'parley-comment', id: `parley-comment-${c.id}`, 'data-id': c.id, 'data-mode': c.mode },
    h('div', { class: 'parley-head' },
      h('input', { type: 'checkbox', class: 'parley-select', value: c.id, 'aria-label': T.select(c.id), onchange: actions.onSelect }),
      h('strong', { class: 'parley-author' }, author),
      c.email && h('a', { class: 'parley-email', href: 'mailto:' + decode(c.email) }, decode(c.email)),
      c.website && h('a', { class: 'parley-website', href: decode(c.website), rel: 'nofollow noopener' }, decode(c.website)),
      h('span', { class: 'parley-thread' }, thread, ' ', h('code', {}, c.uri)),
      h('time', { datetime: new Date(c.created * 1000).toISOString() }, formatDate(c.created)),
      h('span', { class: `parley-mode parley-mode-${c.mode}` }, MODES[c.mode] ?? String(c.mode))),
    c.held && h('p', { class: 'parley-held' }, T.heldBecause(c.held)),
    text,
    buttons);

  function openEditor() {
    const id = (name) => `parley-${name}-${c.id}`;
    const body = h('textarea', { id: id('text'), rows: 5, required: true });
    body.value = c.text;
    const name = h('input', { id: id('author'), value: c.author ? decode(c.author) : '' });
    const site = h('input', { id: id('website'), value: c.website ? decode(c.website) : '' });
    const form = h('form', { class: 'parley-edit' },
      h('label', { for: id('text') }, T.text), body,
      h('div', { class: 'parley-fields' },
        h('span', {}, h('label', { for: id('author') }, T.author), name),
        h('span', {}, h('label', { for: id('website') }, T.website), site)),
      h('div', { class: 'parley-actions' },
        h('button', { type: 'submit' }, T.save),
        h('button', { type: 'button', onclick: () => close() }, T.cancel)));
    const close = () => {
      form.replaceWith(text);
      buttons.hidden = false;
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = { text: body.value, author: name.value || null, website: site.value || null };
      if (await actions.save(c, fields)) close();
    });
    text.replaceWith(form);
    buttons.hidden = true;
    body.focus();
  }

  return row;
}
