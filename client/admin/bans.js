// Bans (README "Spam"): the address ranges and e-mail addresses whose comments are refused or held, each with "Lift".
// A comment's row bans its address range or e-mail with the action chosen here.
import { h } from '../shared/dom.js';
import { formatDate } from './state.js';
import { T } from './strings.js';

/** `guard(request)` shows failures and answers null; `say(text)` announces a result. Answers the section and `ban(c, kind)`. */
export function bansSection(api, guard, say) {
  const action = h('select', { id: 'parley-ban-action' },
    h('option', { value: 'refuse' }, T.banActions.refuse), h('option', { value: 'hold' }, T.banActions.hold));
  const list = h('ul', { class: 'parley-bans', 'aria-busy': 'false' });
  const section = h('details', { class: 'parley-history-panel parley-bans-panel' },
    h('summary', {}, h('h2', {}, T.bans)),
    h('p', {}, h('label', { for: action.id }, T.banAction), ' ', action),
    list);

  async function load() {
    list.setAttribute('aria-busy', 'true');
    const answer = await guard(() => api.bans());
    list.setAttribute('aria-busy', 'false');
    if (!answer) return;
    list.replaceChildren(...answer.bans.map((b) => h('li', { class: 'parley-ban', 'data-kind': b.kind },
      `${T.banKinds[b.kind] ?? b.kind} `, h('code', {}, b.value), ` ${T.banActions[b.action] ?? b.action} `,
      h('time', {}, formatDate(b.created)), ' ',
      h('button', { type: 'button', onclick: () => lift(b) }, T.lift))));
    if (answer.bans.length === 0) list.append(h('li', { class: 'parley-empty' }, T.noBans));
  }

  async function lift(b) {
    if (!(await guard(() => api.unban(b.id)))) return;
    say(T.lifted(b.value));
    await load();
  }

  section.addEventListener('toggle', () => {
    if (section.open) load();
  });

  async function ban(c, kind) {
    const made = await guard(() => api.ban(c.id, kind, action.value));
    if (!made) return;
    say(T.banned(made.value, made.action));
    if (section.open) await load();
  }

  return { section, ban };
}
