// Proof of work (README "Spam"): ALTCHA's v1 challenge solved by trying every number from 0 until SHA-256(salt +
// number) is the challenge. `solveChallenge` is self-contained, like the hasher it is handed, so both run in a Web Worker.
export function solveChallenge(challenge, hasher) {
  const target = new Int32Array(8);
  for (let i = 0; i < 8; i++) target[i] = parseInt(challenge.challenge.slice(i * 8, i * 8 + 8), 16) | 0;
  const started = Date.now();
  for (let number = 0; number <= challenge.maxnumber; number++) {
    const h = hasher.words(challenge.salt + number);
    if (h[0] === target[0] && h[1] === target[1] && h[2] === target[2] && h[3] === target[3]
      && h[4] === target[4] && h[5] === target[5] && h[6] === target[6] && h[7] === target[7]) {
      return { number, took: Date.now() - started };
    }
  }
  return null;
}

/** ALTCHA's payload for a solved challenge: base64 of its JSON, as POST /new takes it under "altcha". */
export function payload(challenge, solution) {
  return btoa(JSON.stringify({
    algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt,
    signature: challenge.signature, took: solution.took,
  }));
}
