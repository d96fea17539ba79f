// Reads Isso's `data-isso-*` attributes from every <script> of the page (spec/client.md §2–3).

/** `"true"` → true, `"5"` → 5, `"[1,2]"` → array; anything that is not JSON stays a string. */
export function parseValue(raw) {
  const value = raw.replace(/\\n/g, '\n');
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Collects the options of all scripts: `{ options: {name: value}, texts: {lang: {msgid: text}} }`.
 * Names are lower-cased with `_` as `-`; `data-isso-<msgid>-text-<lang>` overrides a UI string.
 */
export function readAttributes(scripts) {
  const options = {};
  const texts = {};
  for (const script of scripts) {
    for (const { name, value } of script.attributes) {
      const key = name.toLowerCase().replace(/_/g, '-');
      if (!key.startsWith('data-isso-')) continue;
      const option = key.slice(10);
      const text = /^(.+)-text-([a-z]{2,3}(?:-[a-z0-9]+)*)$/.exec(option);
      if (text) (texts[text[2]] ??= {})[text[1]] = value.replace(/\\n/g, '\n');
      else options[option] = parseValue(value);
    }
  }
  return { options, texts };
}

/**
 * The API endpoint: the first script's `data-isso`, else the last script's `src` minus
 * `/js/embed.min.js` (16 characters); one trailing slash is dropped. Relative values are
 * resolved against `base` (the page address).
 */
export function findEndpoint(scripts, base) {
  let endpoint = null;
  for (const script of scripts) {
    const attribute = [...script.attributes].find((a) => a.name === 'data-isso');
    if (attribute) {
      endpoint = attribute.value;
      break;
    }
  }
  if (endpoint == null) {
    if (scripts.some((s) => s.async || s.defer)) {
      throw new Error('Parley: add data-isso="…" to an async or defer script');
    }
    const last = scripts[scripts.length - 1];
    endpoint = last ? last.src.slice(0, -16) : '';
  }
  endpoint = new URL(endpoint || '.', base).href;
  return endpoint.endsWith('/') ? endpoint.slice(0, -1) : endpoint;
}
