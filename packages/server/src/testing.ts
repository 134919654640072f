/**
 * `@sora-kit/server/testing`: the fake OpenAI Videos API for tests, stories and local runs.
 * Browser-safe: nothing here imports a Node module at load time.
 */
export * from './providers/fake/index.js';
export { fakeOpenAIHandlers } from './providers/fake/msw.js';
export { createFakeOpenAI, type FakeOpenAIWithHandlers } from './providers/fake/with-msw.js';
export * from './providers/openrouter-fake/index.js';
export { type MemoryBlobsOptions, memoryBlobs } from './testing/memory-blobs.js';
export type { SeedJob, SeedState } from './testing/seed-plan.js';
export { createSoraMock, type SoraMock, type SoraMockOptions } from './testing/sora-mock.js';
