/**
 * React wrappers (`@sora-kit/elements/react`), made with `@lit/react`: props become properties
 * and `sora-*` events become `on…` callbacks.
 *
 * @example
 * ```tsx
 * import { SoraStudio } from '@sora-kit/elements/react';
 * <SoraStudio endpoint="/api/sora" onJobCreated={(e) => console.log(e.detail.job)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { defineSoraElements } from './define.js';
import {
  type JobCreatedDetail,
  type JobEventDetail,
  type PromptReuseDetail,
  SoraJobList as SoraJobListElement,
  SoraPlayer as SoraPlayerElement,
  SoraPrompt as SoraPromptElement,
  SoraStudio as SoraStudioElement,
} from './index.js';

defineSoraElements();

const jobCreated = 'sora-job-created' as EventName<CustomEvent<JobCreatedDetail>>;
const jobSelect = 'sora-job-select' as EventName<CustomEvent<JobEventDetail>>;
const jobRemix = 'sora-job-remix' as EventName<CustomEvent<JobEventDetail>>;
const jobDeleted = 'sora-job-deleted' as EventName<CustomEvent<JobEventDetail>>;
const promptReuse = 'sora-prompt-reuse' as EventName<CustomEvent<PromptReuseDetail>>;
const download = 'sora-download' as EventName<CustomEvent<{ jobId: string; url: string }>>;
const retry = 'sora-retry' as EventName<CustomEvent<{ jobId: string }>>;
const remixCancel = 'sora-remix-cancel' as EventName<CustomEvent<{ jobId: string }>>;

/** `<sora-prompt>` for React. */
export const SoraPrompt = createComponent({
  react: React,
  tagName: 'sora-prompt',
  elementClass: SoraPromptElement,
  events: { onJobCreated: jobCreated, onRemixCancel: remixCancel },
});

/** `<sora-job-list>` for React. */
export const SoraJobList = createComponent({
  react: React,
  tagName: 'sora-job-list',
  elementClass: SoraJobListElement,
  events: {
    onJobSelect: jobSelect,
    onJobRemix: jobRemix,
    onJobDeleted: jobDeleted,
    onPromptReuse: promptReuse,
  },
});

/** `<sora-player>` for React. */
export const SoraPlayer = createComponent({
  react: React,
  tagName: 'sora-player',
  elementClass: SoraPlayerElement,
  events: { onDownload: download, onRetry: retry, onPromptReuse: promptReuse },
});

/** `<sora-studio>` for React. */
export const SoraStudio = createComponent({
  react: React,
  tagName: 'sora-studio',
  elementClass: SoraStudioElement,
  events: { onJobCreated: jobCreated, onJobSelect: jobSelect },
});
