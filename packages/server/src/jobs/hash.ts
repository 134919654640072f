/**
 * Moved to `../crypto.ts` (a leaf every folder may import). This re-export keeps the files that
 * still import it from here working until they switch; `.dependency-cruiser.cjs` lists them.
 */
export { deriveSecret, sha256Hex } from '../crypto.js';
