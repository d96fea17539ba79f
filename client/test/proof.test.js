import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hasher } from '../shared/sha256.js';
import { payload, solveChallenge } from '../shared/pow.js';
import { proofOfWork } from '../embed/proof.js';

// The solver as solver.min.js hands it over once loaded.
const load = async () => ({ sha256Hasher, solveChallenge, payload });
const sha = (s) => createHash('sha256').update(s).digest('hex');

function challenge(number, maxnumber = 5000) {
  const salt = `${'ab'.repeat(12)}?expires=1796630400&`;
  return { algorithm: 'SHA-256', challenge: sha(salt + number), maxnumber, salt, signature: 'f'.repeat(64) };
}

test('the hasher agrees with SHA-256 for short and long texts, one and several blocks', () => {
  const hasher = sha256Hasher();
  for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(200), `${'ab'.repeat(12)}?expires=1796630400&123456`]) {
    assert.equal(hasher.hex(text), sha(text), `length ${text.length}`);
  }
});

test('the solver finds the hidden number, and gives up past maxnumber', () => {
  assert.equal(solveChallenge(challenge(4321), sha256Hasher()).number, 4321);
  assert.equal(solveChallenge(challenge(0), sha256Hasher()).number, 0);
  assert.equal(solveChallenge(challenge(9, 8), sha256Hasher()), null);
});

test("a comment takes ALTCHA's payload for a solved challenge, and the next comment a new one", async () => {
  const asked = [];
  const api = { challenge: async () => { asked.push(1); return challenge(777 + asked.length); } };
  const proof = proofOfWork(api, load);
  proof.prepare();
  proof.prepare();
  const first = JSON.parse(atob(await proof.take()));
  assert.equal(asked.length, 1);
  assert.deepEqual(Object.keys(first).sort(), ['algorithm', 'challenge', 'number', 'salt', 'signature', 'took']);
  assert.equal(first.number, 778);
  assert.equal(first.algorithm, 'SHA-256');
  const second = JSON.parse(atob(await proof.take()));
  assert.equal(asked.length, 2);
  assert.equal(second.number, 779);
});

test('a solution kept too long is replaced, and a failed fetch is tried again', async () => {
  let clock = 0;
  let calls = 0;
  const api = {
    challenge: async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return challenge(calls);
    },
  };
  const proof = proofOfWork(api, load, () => clock);
  await assert.rejects(proof.take(), /offline/);
  proof.prepare();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clock = 26 * 60 * 1000;
  const taken = JSON.parse(atob(await proof.take()));
  assert.equal(calls, 3);
  assert.equal(taken.number, 3);
});
