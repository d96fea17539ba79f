// Every text the admin panel shows, in one place.

export const MODES = { 2: 'Pending', 1: 'Published', 4: 'Deleted' };

export const EVENT_TYPES = {
  'comment.created': 'Comment posted',
  'comment.activated': 'Comment approved',
  'comment.edited': 'Comment edited',
  'comment.deleted': 'Comment deleted',
  'comment.voted': 'Vote',
  'thread.created': 'Thread created',
};

export const SORT_LABELS = { newest: 'Newest first', oldest: 'Oldest first', liked: 'Most liked', thread: 'Thread' };

export const T = {
  signOut: 'Sign out',
  modes: 'Comments by state',
  search: 'Search',
  text: 'Text',
  author: 'Author',
  email: 'E-mail',
  thread: 'Thread',
  sort: 'Sort',
  selectAll: 'Select all on this page',
  approveSelected: 'Approve selected',
  deleteSelected: 'Delete selected',
  approve: 'Approve',
  edit: 'Edit',
  delete: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  website: 'Website',
  anonymous: 'Anonymous',
  previous: 'Previous',
  next: 'Next',
  empty: 'No comments here.',
  loading: 'Loading…',
  select: (id) => `Select comment ${id}`,
  confirmDelete: (n) => (n === 1 ? 'Delete this comment?' : `Delete ${n} comments?`),
  saved: 'Comment saved.',
  unreachable: 'The server could not be reached.',
  history: 'History',
  historyFilters: 'Filter the history',
  allEvents: 'All events',
  eventType: 'Event',
  page: 'Page (uri)',
  since: 'From',
  until: 'Before',
  show: 'Show',
  olderEvents: 'Older events',
  noEvents: 'No events here.',
  eventJson: 'As JSON',
  by: (who) => `by ${who}`,
};
