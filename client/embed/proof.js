// Proof of work for the post boxes (README "Spam"): a challenge is fetched and solved in a Web Worker as soon as the
// reader starts writing, so Submit rarely waits. Where the page forbids workers, it is solved on the page instead.
import { sha256Hasher } from '../shared/sha256.js';
import { payload, solveChallenge } from '../shared/pow.js';

// A solved challenge older than this is dropped rather than sent: the server keeps one for 30 minutes.
const FRESH_MS = 25 * 60 * 1000;

function solveInWorker(challenge) {
  return new Promise((resolve, reject) => {
    const source = `const hasher = (${sha256Hasher})(); const solve = ${solveChallenge};\n`
      + 'onmessage = (e) => postMessage(solve(e.data, hasher));';
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const done = (settle) => (value) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      settle(value);
    };
    worker.onmessage = (e) => done(resolve)(e.data);
    worker.onerror = done(reject);
    worker.postMessage(challenge);
  });
}

/** `prepare()` starts on a challenge (once); `take()` answers the solved payload for one comment. */
export function proofOfWork(api, now = Date.now) {
  let next = null;
  const prepare = () => {
    if (next) return next;
    const started = now();
    const solving = api.challenge().then(async (challenge) => {
      let solution;
      try {
        solution = await solveInWorker(challenge);
      } catch {
        solution = solveChallenge(challenge, sha256Hasher());
      }
      if (!solution) throw new Error('unsolvable challenge');
      return { value: payload(challenge, solution), started };
    });
    next = solving;
    // A failed fetch is tried again by the next prepare or take.
    solving.catch(() => { if (next === solving) next = null; });
    return solving;
  };
  return {
    prepare: () => { prepare().catch(() => {}); },
    take: async () => {
      let solved = await prepare();
      next = null;
      if (now() - solved.started > FRESH_MS) {
        solved = await prepare();
        next = null;
      }
      return solved.value;
    },
  };
}
