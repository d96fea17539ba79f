// The proof-of-work solver, a script of its own that only sites asking for proof of work load (README "Spam"), so
// the embed every reader downloads stays small. `solveChallenge` and the hasher are self-contained: the post box
// also runs them in a Web Worker from their source.
import { sha256Hasher } from '../shared/sha256.js';
import { payload, solveChallenge } from '../shared/pow.js';

globalThis.parleySolver = { sha256Hasher, solveChallenge, payload };
