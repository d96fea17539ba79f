// The event history (README "Events"): newest first, filtered by type, thread and time, a page at a time, each event's
// JSON on demand, and where it stands for each destination. Loaded when the section is first opened.
import { h, decode } from '../shared/dom.js';
import { formatDate } from './state.js';
import { EVENT_TYPES, T } from './strings.js';

/** `api.history(query)` → {events, next}; `guard(request)` shows failures and answers null. */
export function historySection(api, guard) {
  const type = h('select', { id: 'parley-h-type', name: 'type' },
    h('option', { value: '' }, T.allEvents),
    Object.entries(EVENT_TYPES).map(([value, label]) => h('option', { value }, label)));
  const field = (name, label, input) => h('span', { class: 'parley-field' }, h('label', { for: `parley-h-${name}` }, label), input);
  const form = h('form', { class: 'parley-search', role: 'search', 'aria-label': T.historyFilters },
    field('type', T.eventType, type),
    field('uri', T.page, h('input', { id: 'parley-h-uri', name: 'uri', type: 'search' })),
    field('since', T.since, h('input', { id: 'parley-h-since', name: 'since', type: 'datetime-local' })),
    field('until', T.until, h('input', { id: 'parley-h-until', name: 'until', type: 'datetime-local' })),
    h('button', { type: 'submit' }, T.show));
  const list = h('ol', { class: 'parley-history', 'aria-busy': 'false' });
  const older = h('button', { type: 'button', hidden: true, onclick: () => load(true) }, T.olderEvents);
  const section = h('details', { class: 'parley-history-panel' },
    h('summary', {}, h('h2', {}, T.history)), form, list, older);
  let next = null;
  let loaded = false;

  section.addEventListener('toggle', () => {
    if (section.open && !loaded) load(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });

  async function load(more) {
    loaded = true;
    list.setAttribute('aria-busy', 'true');
    const answer = await guard(() => api.history(historyQuery(new FormData(form), more ? next : null)));
    list.setAttribute('aria-busy', 'false');
    if (!answer) return;
    const rows = answer.events.map(eventRow);
    if (more) list.append(...rows);
    else list.replaceChildren(...rows);
    if (list.children.length === 0) list.append(h('li', { class: 'parley-empty' }, T.noEvents));
    next = answer.next;
    older.hidden = next === null;
  }

  return section;
}

/** The query string of a history request: the form's filters (times as Unix seconds) and the page to continue after. */
export function historyQuery(form, before) {
  const query = new URLSearchParams({ limit: '20' });
  for (const name of ['type', 'uri']) {
    const value = String(form.get(name) ?? '').trim();
    if (value) query.set(name, value);
  }
  for (const name of ['since', 'until']) {
    const value = String(form.get(name) ?? '');
    if (value) query.set(name, String(new Date(value).getTime() / 1000));
  }
  if (before) query.set('before', before);
  return query.toString();
}

function eventRow(e) {
  const c = e.comment;
  const what = c
    ? h('span', { class: 'parley-event-comment' }, `#${c.id} `, h('strong', {}, c.author ? decode(c.author) : T.anonymous), ': ',
      c.text.length > 120 ? c.text.slice(0, 119) + '…' : c.text)
    : null;
  return h('li', { class: 'parley-event', 'data-type': e.type, id: `parley-event-${e.id}` },
    h('div', { class: 'parley-head' },
      h('time', { datetime: e.timestamp }, formatDate(e.created)),
      h('span', { class: 'parley-event-type' }, EVENT_TYPES[e.type] ?? e.type),
      h('span', { class: 'parley-event-by' }, T.by(e.by)),
      h('code', {}, e.thread.uri)),
    what,
    e.deliveries?.length
      ? h('ul', { class: 'parley-event-deliveries', 'aria-label': T.deliveries },
        e.deliveries.map((d) => h('li', { 'data-state': d.state }, h('code', {}, d.destination), ' ', deliveryText(d))))
      : null,
    h('details', {}, h('summary', {}, T.eventJson), h('pre', {}, JSON.stringify(e, null, 2))));
}

/** Where an event stands for one destination: handled, waiting or stopped, and an endpoint's latest attempt at it. */
export function deliveryText(d) {
  const state = T.deliveryStates[d.state] ?? d.state;
  const [latest] = d.attempts ?? [];
  if (!latest) return state;
  return `${state}; ${T.attempts(d.attempts.length)}, ${T.latest}: ${latest.ok ? T.delivered : T.failed} (${latest.result})`;
}
