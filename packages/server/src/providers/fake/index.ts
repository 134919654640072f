/** The fake OpenAI Videos API (see `fake.ts`). */
export { createFakeClock, type FakeClock } from './clock.js';
export type { FakeCounters } from './counters.js';
export {
  createFakeOpenAI,
  type FakeListenOptions,
  type FakeOpenAI,
  type FakeOpenAIOptions,
  type FakeOpenAIServer,
} from './fake.js';
export { type FakeFaults, seededRandom } from './faults.js';
export {
  clipForPrompt,
  type FakeMediaLoader,
  type FakeMediaVariant,
  MissingSampleMediaError,
  nodeMediaLoader,
  urlMediaLoader,
} from './media.js';
export { FAKE_MODEL_SIZES, FAKE_SECONDS } from './models.js';
export { SCENARIO_TOKENS } from './scenarios.js';
export {
  type FakeWebhookDelivery,
  type FakeWebhookEvent,
  type FakeWebhookOptions,
  signWebhook,
} from './webhooks.js';
