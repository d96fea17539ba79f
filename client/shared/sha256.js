// SHA-256 of short ASCII strings, for the proof-of-work solver. `sha256Hasher()` makes the constants once and returns
// `words(text)` (the digest as eight signed 32-bit words, in a buffer reused by the next call) and `hex(text)`.
// Self-contained (no imports, no outer names): its source also runs in a Web Worker.
export function sha256Hasher() {
  const k = new Int32Array(64);
  const init = new Int32Array(8);
  for (let n = 2, found = 0; found < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (!prime) continue;
    if (found < 8) init[found] = (Math.sqrt(n) % 1) * 2 ** 32;
    k[found++] = (Math.cbrt(n) % 1) * 2 ** 32;
  }
  const w = new Int32Array(64);
  const h = new Int32Array(8);
  let bytes = new Uint8Array(128);
  const words = (text) => {
    const length = text.length;
    const blocks = ((length + 8) >> 6) + 1;
    if (bytes.length < blocks * 64) bytes = new Uint8Array(blocks * 64);
    bytes.fill(0, 0, blocks * 64);
    for (let i = 0; i < length; i++) bytes[i] = text.charCodeAt(i);
    bytes[length] = 0x80;
    const end = blocks * 64;
    const bits = length * 8;
    bytes[end - 4] = bits >>> 24; bytes[end - 3] = bits >>> 16; bytes[end - 2] = bits >>> 8; bytes[end - 1] = bits;
    h.set(init);
    for (let block = 0; block < end; block += 64) {
      for (let i = 0; i < 16; i++) {
        const at = block + i * 4;
        w[i] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15];
        const y = w[i - 2];
        w[i] = w[i - 16] + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w[i - 7]
          + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10));
      }
      let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (let i = 0; i < 64; i++) {
        const t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
        const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    return h;
  };
  const hex = (text) => Array.from(words(text), (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  return { words, hex };
}
