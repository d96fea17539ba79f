// Proof of work for the post boxes (README "Spam"): a challenge is fetched and solved in a Web Worker as soon as the
// reader starts writing, so Submit rarely waits. Where the page forbids workers, it is solved on the page instead.
// The solver itself (solver.js) is loaded then, beside the challenge.
import { h } from '../shared/dom.js';

// A solved challenge older than this is dropped rather than sent: the server keeps one for 30 minutes.
const FRESH_MS = 25 * 60 * 1000;

let solver = null;
/** Loads `solver.min.js` from the comment server once; a failed load is tried again next time. */
export const loadSolver = (endpoint) => (solver ??= new Promise((resolve, reject) => {
  const failed = () => { solver = null; reject(new Error('the solver did not load')); };
  document.head.append(h('script', { src: `${endpoint}/js/solver.min.js`, onload: () => (globalThis.parleySolver ? resolve(globalThis.parleySolver) : failed()), onerror: failed }));
}));

function solveInWorker(challenge, { sha256Hasher, solveChallenge }) {
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

/**
 * `prepare()` starts on a challenge (once); `take()` answers the solved payload for one comment. `load` answers the
 * solver's functions.
 */
export function proofOfWork(api, load, now = Date.now) {
  let next = null;
  const prepare = () => {
    if (next) return next;
    const started = now();
    const solving = Promise.all([api.challenge(), load()]).then(async ([challenge, solver]) => {
      let solution;
      try {
        solution = await solveInWorker(challenge, solver);
      } catch {
        solution = solver.solveChallenge(challenge, solver.sha256Hasher());
      }
      if (!solution) throw new Error('unsolvable challenge');
      return { value: solver.payload(challenge, solution), started };
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
