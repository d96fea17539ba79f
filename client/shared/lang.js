// Picks the interface language as Isso's client does (spec/client.md §9).

/** `pt_br` → `pt-BR`, `ZH-hant-tw` → `zh-Hant-TW`. */
export function normalise(tag) {
  return String(tag)
    .replace(/_/g, '-')
    .split('-')
    .map((part, i) => {
      const lower = part.toLowerCase();
      if (i === 0) return lower;
      if (lower.length === 2) return lower.toUpperCase();
      if (lower.length === 4) return lower[0].toUpperCase() + lower.slice(1);
      return lower;
    })
    .join('-');
}

// Tags that name a catalogue under another code.
const aliases = { pt: 'pt-BR', zh: 'zh-CN', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', 'zh-HK': 'zh-TW', 'zh-MO': 'zh-TW', no: 'nb', nn: 'nb' };

/** The catalogue for one tag, or null: the tag, its language and script, its language alone, or an alias. */
export function catalogueFor(tag, available) {
  const tries = [tag];
  const [primary, ...rest] = tag.split('-');
  if (rest.length) {
    const script = rest.find((p) => p.length === 4);
    if (script) tries.push(`${primary}-${script}`);
    tries.push(primary);
  }
  for (const attempt of tries) {
    const code = available.includes(attempt) ? attempt : aliases[attempt];
    if (code && available.includes(code)) return code;
  }
  return null;
}

/**
 * The catalogue code for the first usable candidate. A `data-isso-lang` (`forced`) with no catalogue gives way to
 * the page's own language (`page`), then the default; without one the browser's languages come first, as in Isso.
 */
export function chooseLanguage({ forced, page, browser = [], fallback = 'en' }, available) {
  const candidates = (forced ? [forced, page, fallback, 'en'] : [...browser, fallback, 'en']).filter(Boolean).map(normalise);
  for (const tag of candidates) {
    const code = catalogueFor(tag, available);
    if (code) return code;
  }
  return 'en';
}
