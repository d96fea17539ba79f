// Relative dates with Isso's thresholds (spec/client.md §8); the clock is the server's.

/** `[msgid, n]` for an age in seconds; n is null for "now". */
export function ago(seconds) {
  const secs = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  const mins = Math.floor(secs / 60);
  const hours = Math.floor(mins / 60);
  const days = Math.floor(hours / 24);
  if (secs <= 45) return ['date-now', null];
  if (secs <= 90) return ['date-minute', 1];
  if (mins <= 45) return ['date-minute', mins];
  if (mins <= 90) return ['date-hour', 1];
  if (hours <= 22) return ['date-hour', hours];
  if (hours <= 36) return ['date-day', 1];
  if (days <= 5) return ['date-day', days];
  if (days <= 8) return ['date-week', 1];
  if (days <= 21) return ['date-week', Math.floor(days / 7)];
  if (days <= 45) return ['date-month', 1];
  if (days <= 345) return ['date-month', Math.floor(days / 30)];
  if (days <= 547) return ['date-year', 1];
  return ['date-year', Math.floor(days / 365.25)];
}

/** `2026-11-21T10:00:00Z`, the machine-readable form for `<time datetime>`. */
export function isoUtc(seconds) {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
