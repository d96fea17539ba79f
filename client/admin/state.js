// The pure parts of the panel: what to ask the server for, paging and the texts built from numbers.
import { query } from '../shared/api.js';
import { MODES } from './strings.js';

export const PER_PAGE = 50;

export const SORTS = {
  newest: { order_by: 'created', asc: 0 },
  oldest: { order_by: 'created', asc: 1 },
  liked: { order_by: 'likes', asc: 0 },
  thread: { order_by: 'tid', asc: 1 },
};

export function initialState() {
  return { mode: 2, page: 0, sort: 'newest', text: '', author: '', email: '', thread: '' };
}

/** The query string of GET /admin/api/comments for this state; empty search fields are left out. */
export function listQuery(state) {
  const sort = SORTS[state.sort] ?? SORTS.newest;
  const field = (name) => (state[name] && state[name].trim()) || null;
  return query({
    mode: state.mode,
    page: state.page,
    per_page: PER_PAGE,
    order_by: sort.order_by,
    asc: sort.asc,
    text: field('text'),
    author: field('author'),
    email: field('email'),
    thread: field('thread'),
  });
}

/** At least one page, so an empty list still reads "Page 1 of 1". */
export function pageCount(total, perPage = PER_PAGE) {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The page to show after the total changed (e.g. the last page emptied by approving it all). */
export function clampPage(page, total, perPage = PER_PAGE) {
  return Math.min(Math.max(0, page), pageCount(total, perPage) - 1);
}

export function pageLabel(page, total, perPage = PER_PAGE) {
  return `Page ${page + 1} of ${pageCount(total, perPage)}`;
}

export function tabLabel(mode, counts) {
  return `${MODES[mode]} (${(counts && counts[mode]) || 0})`;
}

const VERBS = { activate: 'approved', delete: 'deleted' };

/** "10 comments approved." */
export function resultMessage(action, n) {
  return `${n} comment${n === 1 ? '' : 's'} ${VERBS[action]}.`;
}

/** Local time as YYYY-MM-DD HH:MM from Unix seconds. */
export function formatDate(seconds) {
  const d = new Date(seconds * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
