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
  type SoraEventMap,
  SoraJobList as SoraJobListElement,
  SoraPlayer as SoraPlayerElement,
  SoraPrompt as SoraPromptElement,
  SoraStudio as SoraStudioElement,
} from './index.js';

defineSoraElements();

/** A `sora-*` event name typed with its event, for `createComponent`. */
const event = <K extends keyof SoraEventMap>(name: K) => name as EventName<SoraEventMap[K]>;

const jobCreated = event('sora-job-created');
const jobSelect = event('sora-job-select');
const jobRemix = event('sora-job-remix');
const jobDeleted = event('sora-job-deleted');
const promptReuse = event('sora-prompt-reuse');
const download = event('sora-download');
const retry = event('sora-retry');
const remixCancel = event('sora-remix-cancel');

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
  // The studio's parts' events come out of it: every one a page can act on.
  events: {
    onJobCreated: jobCreated,
    onRemixCancel: remixCancel,
    onJobSelect: jobSelect,
    onJobRemix: jobRemix,
    onJobDeleted: jobDeleted,
    onPromptReuse: promptReuse,
    onDownload: download,
    onRetry: retry,
  },
});
