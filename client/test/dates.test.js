import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ago, isoUtc } from '../shared/dates.js';

const minute = 60;
const hour = 3600;
const day = 86400;

test('each threshold of Isso gives its phrase', () => {
  const cases = [
    [-5, 'date-now', null], [0, 'date-now', null], [45, 'date-now', null], [46, 'date-minute', 1], [90, 'date-minute', 1],
    [91, 'date-minute', 1], [2 * minute, 'date-minute', 2], [45 * minute, 'date-minute', 45], [46 * minute, 'date-hour', 1],
    [90 * minute, 'date-hour', 1], [91 * minute, 'date-hour', 1], [2 * hour, 'date-hour', 2], [22 * hour, 'date-hour', 22],
    [23 * hour, 'date-day', 1], [36 * hour, 'date-day', 1], [37 * hour, 'date-day', 1], [2 * day, 'date-day', 2],
    [5 * day, 'date-day', 5], [6 * day, 'date-week', 1], [8 * day, 'date-week', 1], [9 * day, 'date-week', 1],
    [14 * day, 'date-week', 2], [21 * day, 'date-week', 3], [22 * day, 'date-month', 1], [45 * day, 'date-month', 1],
    [46 * day, 'date-month', 1], [60 * day, 'date-month', 2], [345 * day, 'date-month', 11], [346 * day, 'date-year', 1],
    [547 * day, 'date-year', 1], [548 * day, 'date-year', 1], [731 * day, 'date-year', 2], [3653 * day, 'date-year', 10],
  ];
  for (const [seconds, id, n] of cases) assert.deepEqual(ago(seconds), [id, n], `${seconds} s`);
});

test('nonsense ages read as now', () => {
  assert.deepEqual(ago(Number.NaN), ['date-now', null]);
  assert.deepEqual(ago(undefined), ['date-now', null]);
});

test('machine-readable times are UTC without milliseconds', () => {
  assert.equal(isoUtc(1795262819.8966), '2026-11-21T12:06:59Z');
  assert.equal(isoUtc(0), '1970-01-01T00:00:00Z');
});
