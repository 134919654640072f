/**
 * `seededRandom` moved to the shared fake kit (`../fake-kit/faults.ts`). This path stays only for
 * packages/server/test/scale, which imports it and belongs to another branch: remove it once those
 * tests import from the kit.
 */
export { seededRandom } from '../fake-kit/faults.js';
