/**
 * `@sora-kit/elements`: importing this module registers `<sora-prompt>`, `<sora-job-list>`,
 * `<sora-player>` and `<sora-studio>` (in browsers; in Node it only exports the classes).
 */

export { defineSoraElements } from './define.js';
export {
  en,
  locales,
  type Orientation,
  registerLocale,
  resolveStrings,
  type SoraStrings,
} from './shared/strings.js';
export { type JobEventDetail, type PromptReuseDetail, SoraJobList } from './sora-job-list.js';
export { SoraPlayer } from './sora-player.js';
export { type JobCreatedDetail, SoraPrompt } from './sora-prompt.js';
export { SoraStudio } from './sora-studio.js';

import { defineSoraElements } from './define.js';

defineSoraElements();
