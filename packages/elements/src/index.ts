/**
 * `@sora-kit/elements`: importing this module registers `<sora-prompt>`, `<sora-job-list>`,
 * `<sora-player>` and `<sora-studio>` (in browsers; in Node it only exports the classes).
 */

export { defineSoraElements } from './define.js';
export { type JobListPart, PARTS as JOB_LIST_PARTS } from './job-list/parts.js';
export { SoraJobList } from './job-list/sora-job-list.js';
export { PARTS as PLAYER_PARTS, type PlayerPart } from './player/parts.js';
export { SoraPlayer } from './player/sora-player.js';
export { PARTS as PROMPT_PARTS, type PromptPart } from './prompt/parts.js';
export { SoraPrompt } from './prompt/sora-prompt.js';
export type {
  DownloadDetail,
  JobCreatedDetail,
  JobEventDetail,
  JobIdDetail,
  PromptReuseDetail,
  SoraEventDetail,
  SoraEventMap,
} from './shared/events.js';
export {
  en,
  locales,
  type Orientation,
  registerLocale,
  resolveStrings,
  type SoraStrings,
} from './shared/strings.js';
export { PARTS as STUDIO_PARTS, type StudioPart } from './studio/parts.js';
export { SoraStudio } from './studio/sora-studio.js';

import { defineSoraElements } from './define.js';

defineSoraElements();
