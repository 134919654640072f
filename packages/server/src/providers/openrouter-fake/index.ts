/** The fake OpenRouter video API (see `fake.ts`). */
export { defaultFakeModels } from './catalog.js';
export {
  createFakeOpenRouter,
  type FakeOpenRouter,
  type FakeOpenRouterListenOptions,
  type FakeOpenRouterOptions,
  type FakeOpenRouterServer,
} from './fake.js';
export type { FakeOpenRouterFault, FakeOpenRouterRoute } from './faults.js';
export { fakeOpenRouterHandlers } from './msw.js';
export { SCENARIO_ERRORS as OPENROUTER_SCENARIO_ERRORS } from './scenarios.js';
export type { FakeOpenRouterWebhookDelivery, FakeOpenRouterWebhookOptions } from './webhooks.js';
