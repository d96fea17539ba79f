// The counter widget for index pages: links ending in `#isso-thread` show their comment count.
import { findEndpoint } from '../shared/attributes.js';
import { chooseLanguage } from '../shared/lang.js';
import { intlPlural } from '../shared/plural-intl.js';
import { fillCounters } from '../shared/counters.js';

async function run() {
  const scripts = [...document.getElementsByTagName('script')];
  const endpoint = findEndpoint(scripts, location.href);
  const get = (name) => scripts.map((s) => s.getAttribute(name)).find((v) => v != null);
  const json = async (path, body) => {
    // No cookies: counts are public. The build gathers every language's `num-comments` into counts.json.
    const response = await fetch(endpoint + path, body && { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    if (!response.ok) throw new Error(response.status);
    return response.json();
  };
  const translate = json('/js/i18n/counts.json').catch(() => ({})).then((all) => {
    const code = chooseLanguage({ forced: get('data-isso-lang'), browser: navigator.languages ?? [navigator.language], fallback: get('data-isso-default-lang') }, Object.keys(all));
    const forms = (get(`data-isso-num-comments-text-${code.toLowerCase()}`)?.replace(/\\n/g, '\n') ?? all[code] ?? '{{ n }}').split('\n');
    const plural = intlPlural(code);
    return (id, n) => forms[Math.min(plural(n), forms.length - 1)].replace('{{ n }}', n);
  });
  // The counts and the language's text are fetched at the same time.
  await fillCounters(document, (ids) => json('/count', JSON.stringify(ids)), translate);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
