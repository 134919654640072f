/** The fake OpenAI Videos API (see `fake.ts`). */
export { createFakeClock, type FakeClock } from '../fake-kit/clock.js';
export type { FakeCounters } from '../fake-kit/counters.js';
export { type FakeFaults, seededRandom } from '../fake-kit/faults.js';
export {
  clipForPrompt,
  type FakeMediaLoader,
  type FakeMediaVariant,
  MissingSampleMediaError,
  nodeMediaLoader,
} from '../fake-kit/media.js';
export { urlMediaLoader } from '../fake-kit/media-url.js';
export type {
  FakeListenOptions,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakeOpenAIServer,
} from './fake.js';
export { FAKE_MODEL_SIZES, FAKE_SECONDS } from './models.js';
export { SCENARIO_TOKENS } from './scenarios.js';
export {
  type FakeWebhookDelivery,
  type FakeWebhookEvent,
  type FakeWebhookOptions,
  signWebhook,
} from './webhooks.js';
