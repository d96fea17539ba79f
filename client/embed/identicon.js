// Identicons drawn from the author hash exactly as Isso's client draws them (spec/client.md §7).
import { h } from '../shared/dom.js';

/** The colour index and the filled 8×8 cells (x, y in 0..4) of a 5×5 mirrored grid. */
export function identicon(hash, colourCount) {
  // Isso reads the last 16 hex digits as a float, so large values lose low bits; kept for identical pictures.
  const value = parseInt(String(hash).slice(-16), 16) % 262144;
  const bits = (Number.isNaN(value) ? 0 : value).toString(2).padStart(18, '0');
  const colour = parseInt(bits.slice(-3), 2) % Math.max(colourCount, 1);
  const cells = [];
  let i = 0;
  for (let x = 0; x < 3; x++) {
    for (let y = 0; y < 5; y++, i++) {
      if (bits[i] !== '1') continue;
      cells.push([x, y]);
      if (x < 2) cells.push([4 - x, y]);
    }
  }
  return { colour, cells };
}

export function identiconSvg(hash, background, colours) {
  const { colour, cells } = identicon(hash, colours.length);
  return h(
    'svg:svg',
    { viewBox: '0 0 48 48', width: 48, height: 48, 'aria-hidden': 'true', focusable: 'false' },
    h('svg:rect', { x: 0, y: 0, width: 56, height: 56, fill: background }),
    cells.map(([x, y]) => h('svg:rect', { x: 4 + 8 * x, y: 4 + 8 * y, width: 8, height: 8, fill: colours[colour] })),
  );
}
