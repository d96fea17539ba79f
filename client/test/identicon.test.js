import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identicon } from '../embed/identicon.js';

test('the picture depends only on the hash, mirrored around the middle column', () => {
  const a = identicon('4505c1eeda98', 8);
  assert.deepEqual(identicon('4505c1eeda98', 8), a);
  for (const [x, y] of a.cells) {
    assert.ok(x >= 0 && x <= 4 && y >= 0 && y <= 4);
    assert.ok(a.cells.some(([mx, my]) => mx === 4 - x && my === y), `mirror of ${x},${y}`);
  }
});

test('bits of the last 16 hex digits modulo 2^18 fill the cells column by column', () => {
  // 0x3ffff: all 18 bits set → all 25 cells, colour 7.
  const full = identicon('3ffff', 8);
  assert.equal(full.cells.length, 25);
  assert.equal(full.colour, 7);
  // 0x20000: only the first bit → cell (0,0) and its mirror (4,0); colour 0.
  assert.deepEqual(identicon('20000', 8), { colour: 0, cells: [[0, 0], [4, 0]] });
  // Bit 11 (x=2, y=0) sits on the middle column: no mirror.
  assert.deepEqual(identicon((1 << (17 - 10)).toString(16), 8).cells, [[2, 0]]);
  // The colour comes from the last three bits, modulo the colour count.
  assert.equal(identicon('5', 3).colour, 2);
  assert.equal(identicon('40000', 8).cells.length, 0); // 2^18 wraps to 0
});

test('hashes unlike hex draw an empty picture instead of failing', () => {
  assert.deepEqual(identicon('not hex!', 8), { colour: 0, cells: [] });
  assert.deepEqual(identicon(undefined, 8), { colour: 0, cells: [] });
});
