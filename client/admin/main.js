// The moderation panel: mode tabs, search, sort, the list with per-row and bulk actions, paging, bans, the event history and the webhooks.
import { h } from '../shared/dom.js';
import { createAdminApi } from './api.js';
import { historySection } from './history.js';
import { webhooksSection } from './webhooks.js';
import { bansSection } from './bans.js';
import { commentRow } from './row.js';
import { clampPage, initialState, pageCount, pageLabel, resultMessage, tabLabel } from './state.js';
import { MODES, SORT_LABELS, T } from './strings.js';

const root = document.getElementById('parley-admin');
const csrf = document.querySelector('meta[name="parley-csrf"]')?.content ?? '';
const api = createAdminApi(root.dataset.api, csrf);
const site = root.dataset.site ?? '';
const state = initialState();
let total = 0;

const status = h('div', { class: 'parley-status', role: 'status', 'aria-live': 'polite', tabindex: -1 });
const alert = h('div', { class: 'parley-alert', role: 'alert' });
const tabs = Object.keys(MODES).map((mode) =>
  h('button', { type: 'button', 'data-mode': mode, onclick: () => update({ mode: Number(mode), page: 0 }) }));
const field = (name, label, type = 'search') =>
  h('span', { class: 'parley-field' }, h('label', { for: `parley-q-${name}` }, label), h('input', { id: `parley-q-${name}`, name, type }));
const sort = h('select', { id: 'parley-sort', onchange: () => update({ sort: sort.value, page: 0 }) },
  Object.entries(SORT_LABELS).map(([value, label]) => h('option', { value }, label)));
const search = h('form', { class: 'parley-search', role: 'search' },
  field('text', T.text), field('author', T.author), field('email', T.email), field('thread', T.thread),
  h('button', { type: 'submit' }, T.search),
  h('span', { class: 'parley-field' }, h('label', { for: 'parley-sort' }, T.sort), sort));
search.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(search);
  update({ text: form.get('text'), author: form.get('author'), email: form.get('email'), thread: form.get('thread'), page: 0 });
});
const selectAll = h('input', { type: 'checkbox', id: 'parley-select-all', onchange: () => {
  for (const box of boxes()) box.checked = selectAll.checked;
  refreshBulk();
} });
const approveSelected = h('button', { type: 'button', onclick: () => act('activate', selectedIds()) }, T.approveSelected);
const deleteSelected = h('button', { type: 'button', class: 'parley-danger', onclick: () => act('delete', selectedIds()) }, T.deleteSelected);
const list = h('ol', { class: 'parley-list', 'aria-busy': 'true' });
const previous = h('button', { type: 'button', onclick: () => update({ page: state.page - 1 }) }, T.previous);
const next = h('button', { type: 'button', onclick: () => update({ page: state.page + 1 }) }, T.next);
const position = h('span', { class: 'parley-position' });

const bans = bansSection(api, guard, (text) => { status.textContent = text; });

root.append(
  h('button', { type: 'button', class: 'parley-signout', onclick: signOut }, T.signOut),
  status, alert,
  h('div', { class: 'parley-tabs', role: 'group', 'aria-label': T.modes }, tabs),
  search,
  h('div', { class: 'parley-bulk' }, h('label', {}, selectAll, ' ', T.selectAll), approveSelected, deleteSelected),
  list,
  h('nav', { class: 'parley-paging', 'aria-label': 'Pages' }, previous, position, next),
  historySection(api, guard),
  bans.section,
  webhooksSection(api, guard, (text) => { status.textContent = text; }));

const boxes = () => [...list.querySelectorAll('input.parley-select')];
const selectedIds = () => boxes().filter((b) => b.checked).map((b) => Number(b.value));

function refreshBulk() {
  const n = selectedIds().length;
  approveSelected.disabled = deleteSelected.disabled = n === 0;
  selectAll.checked = n > 0 && n === boxes().length;
}

function update(change) {
  Object.assign(state, change);
  return load();
}

async function load() {
  list.setAttribute('aria-busy', 'true');
  const answer = await guard(() => api.list(state));
  list.setAttribute('aria-busy', 'false');
  if (!answer) return;
  total = answer.total;
  if (answer.comments.length === 0 && state.page > 0 && clampPage(state.page, total) !== state.page) {
    return update({ page: clampPage(state.page, total) });
  }
  for (const tab of tabs) {
    tab.textContent = tabLabel(tab.dataset.mode, answer.counts);
    tab.setAttribute('aria-pressed', String(Number(tab.dataset.mode) === state.mode));
  }
  const actions = { onSelect: refreshBulk, approve: (c) => act('activate', [c.id], true), remove: (c) => act('delete', [c.id], true), save, ban: bans.ban };
  list.replaceChildren(...answer.comments.map((c) => commentRow(c, site, actions)));
  if (answer.comments.length === 0) list.append(h('li', { class: 'parley-empty' }, T.empty));
  position.textContent = pageLabel(state.page, total);
  previous.disabled = state.page === 0;
  next.disabled = state.page >= pageCount(total) - 1;
  refreshBulk();
}

const rows = () => [...list.querySelectorAll('li.parley-comment')];

// The list is drawn anew after each action: focus goes back to the row acted on, or to the one that took its place,
// and to the status message after a bulk action or when no row is left.
function refocus(id, index) {
  const all = rows();
  const row = id == null ? null : all.find((r) => Number(r.dataset.id) === id) ?? all[Math.min(index, all.length - 1)];
  (row?.querySelector('.parley-actions button') ?? status).focus();
}

async function act(action, ids, single) {
  if (ids.length === 0 || (action === 'delete' && !window.confirm(T.confirmDelete(ids.length)))) return;
  const index = rows().findIndex((r) => Number(r.dataset.id) === ids[0]);
  const answer = await guard(() => (action === 'delete' ? api.remove(ids) : api.activate(ids)));
  if (!answer) return;
  await load();
  status.textContent = resultMessage(action, (action === 'delete' ? answer.deleted : answer.activated).length);
  refocus(single ? ids[0] : null, index);
}

async function save(c, fields) {
  const answer = await guard(() => api.edit(c.id, fields));
  if (!answer) return false;
  const index = rows().findIndex((r) => Number(r.dataset.id) === c.id);
  await load();
  status.textContent = T.saved;
  refocus(c.id, index);
  return true;
}

async function signOut() {
  await guard(() => api.logout());
  window.location.reload();
}

// Runs a request; shows the server's message on failure, and the sign-in page when the session is gone.
async function guard(request) {
  alert.textContent = '';
  try {
    return await request();
  } catch (error) {
    if (error.status === 401) window.location.reload();
    alert.textContent = error.message;
    return null;
  }
}

load();
