// Counters: links whose address ends in `#isso-thread` show their thread's comment count.

/** Links to count and the distinct thread ids in first-seen order. */
export function counterLinks(doc) {
  const links = [];
  const ids = [];
  for (const a of doc.getElementsByTagName('a')) {
    if (!a.href.endsWith('#isso-thread')) continue;
    const id = a.getAttribute('data-isso-id') ?? a.href.replace(/#isso-thread$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    links.push([a, id]);
    if (!ids.includes(id)) ids.push(id);
  }
  return { links, ids };
}

/**
 * Fills every counter link with the pluralised count; leaves them untouched when the server fails.
 * `count(ids)` answers `POST /count`; `translate` is the translator or a promise of it.
 */
export async function fillCounters(doc, count, translate) {
  const { links, ids } = counterLinks(doc);
  if (!ids.length) return;
  let counts;
  let t;
  try {
    counts = await count(ids);
    t = await translate;
  } catch (error) {
    console.warn('Parley: no counts', error);
    return;
  }
  for (const [a, id] of links) {
    const n = counts[ids.indexOf(id)] ?? 0;
    a.textContent = t('num-comments', n);
  }
}
