// Looks up and formats interface strings: overrides → chosen catalogue → English → `[?msgid]`.
import { pluralRule } from './plural.js';
import { digitsFor } from './digits.js';

export function translator(code, catalogue, english, overrides = {}) {
  const rule = pluralRule(code) ?? pluralRule('en');
  // The language's own digits, as its dates have them (one digit system per language).
  const number = digitsFor(code);
  const own = overrides[code.toLowerCase()] ?? {};
  const raw = (id) => own[id] ?? catalogue[id] ?? english[id];

  /** `t(id)` for a plain string, `t(id, n)` for a plural one; `vars` fills other `{{ name }}`s. */
  return (id, n, vars) => {
    let text = raw(id);
    if (text == null) return `[?${id}]`;
    if (n != null) {
      const forms = text.split('\n');
      text = forms[Math.min(rule(n), forms.length - 1)];
    }
    return text.replace(/\{\{ ?(\w+) ?\}\}/g, (match, name) => {
      if (name === 'n' && n != null) return number(n);
      return vars && name in vars ? String(vars[name]) : match;
    });
  };
}
