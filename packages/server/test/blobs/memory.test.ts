import { memoryBlobs } from '../../src/testing/memory-blobs.js';
import { blobStoreContract } from './contract.js';

// The in-memory store of `@sora-kit/server/testing` (Storybook, tests) keeps the same promises.
blobStoreContract('memoryBlobs', () => memoryBlobs());
