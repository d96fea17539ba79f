// The webhook endpoints (README "Webhooks"): each one's state, what it has still to take and its last deliveries, with
// "Start again" for a stopped endpoint and "Send again" for any logged delivery. Loaded when the section is opened.
import { h } from '../shared/dom.js';
import { formatDate } from './state.js';
import { EVENT_TYPES, T } from './strings.js';

/** `api.webhooks()` → {webhooks}; `guard(request)` shows failures and answers null; `say(text)` announces a result. */
export function webhooksSection(api, guard, say) {
  const list = h('div', { class: 'parley-webhooks', 'aria-busy': 'false' });
  const section = h('details', { class: 'parley-history-panel parley-webhooks-panel' },
    h('summary', {}, h('h2', {}, T.webhooks)), list);
  let loaded = false;

  section.addEventListener('toggle', () => {
    if (section.open && !loaded) load();
  });

  async function load() {
    loaded = true;
    list.setAttribute('aria-busy', 'true');
    const answer = await guard(() => api.webhooks());
    list.setAttribute('aria-busy', 'false');
    if (!answer) return;
    list.replaceChildren(...answer.webhooks.map((w) => endpoint(w, { start, resend })));
    if (answer.webhooks.length === 0) list.append(h('p', { class: 'parley-empty' }, T.noWebhooks));
  }

  async function start(w) {
    if (!(await guard(() => api.startWebhook(w.url)))) return;
    say(T.webhookStarted(w.url));
    await load();
  }

  async function resend(w, d) {
    const answer = await guard(() => api.resendWebhook(w.url, d.event));
    if (!answer) return;
    say(answer.ok ? T.sentAgain(answer.result) : T.sendAgainFailed(answer.result));
    await load();
  }

  return section;
}

/** The endpoint's state in words: running, retrying (with the next try) or stopped (since when, and why). */
export function stateLabel(w) {
  if (w.state === 'stopped') return T.stoppedSince(formatDate(w.stopped), w.reason);
  if (w.state === 'retrying') return T.retrying(w.failures, w.retryAt === null ? null : formatDate(w.retryAt));
  return T.running;
}

function endpoint(w, actions) {
  const rows = w.deliveries.map((d) => h('tr', { class: d.ok ? 'parley-ok' : 'parley-failed' },
    h('td', {}, h('time', {}, formatDate(d.at))),
    h('td', {}, EVENT_TYPES[d.type] ?? d.type, h('br'), h('code', {}, d.event)),
    h('td', {}, d.attempt === 0 ? T.sentByAdmin : String(d.attempt)),
    h('td', {}, `${d.ok ? T.delivered : T.failed}: ${d.result}`),
    h('td', {}, h('button', { type: 'button', onclick: () => actions.resend(w, d), 'aria-label': T.sendAgainLabel(d.event) }, T.sendAgain))));
  return h('section', { class: 'parley-webhook', 'data-state': w.state, 'aria-label': w.url },
    h('h3', {}, h('code', {}, w.url)),
    h('p', { class: 'parley-webhook-state' }, stateLabel(w), ' ', T.pending(w.pending),
      w.state === 'stopped' ? h('button', { type: 'button', onclick: () => actions.start(w) }, T.startAgain) : null),
    rows.length === 0
      ? h('p', { class: 'parley-empty' }, T.noDeliveries)
      : h('table', {},
        h('caption', {}, T.lastDeliveries),
        h('thead', {}, h('tr', {}, [T.when, T.eventType, T.attempt, T.result, ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows)));
}
