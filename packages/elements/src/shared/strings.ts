/**
 * Every visible string of the elements. Replace any subset with the `strings` property, or pick a
 * registered locale pack with the `lang` attribute (`en` built in; `fr` from
 * `@sora-kit/elements/locales/fr`). Plurals and numbers go through `Intl`.
 */
import type { JobStatus } from '@sora-kit/core';

/** Orientation of a video size, for labels such as "Landscape 1280×720". */
export type Orientation = 'landscape' | 'portrait' | 'square';

/** The strings of every element. Functions receive already-formatted numbers where it matters. */
export interface SoraStrings {
  /** BCP 47 tag used by `Intl` for numbers, plurals, currencies and relative times. */
  locale: string;
  promptLabel: string;
  promptPlaceholder: string;
  remixLabel: string;
  remixBadge: string;
  referenceBadge: string;
  charCount: (used: number, max: number) => string;
  /** Why Generate is off while the field is empty. */
  promptEmpty: string;
  /** Why Generate is off while the prompt is over the limit. */
  promptTooLong: (over: number) => string;
  model: string;
  size: string;
  length: string;
  seconds: (n: number) => string;
  orientation: Record<Orientation, string>;
  reference: string;
  referenceAdd: string;
  referenceHint: string;
  referenceRemove: string;
  referenceAlt: string;
  referenceType: string;
  referenceTooLarge: (max: string) => string;
  estimatedCost: (usd: string) => string;
  submit: string;
  submitting: string;
  shortcutHint: string;
  shortcutHintMac: string;
  remixing: (prompt: string) => string;
  remixSubmit: string;
  cancelRemix: string;
  retryIn: (seconds: number) => string;
  errorRateLimited: string;
  errorQuota: string;
  errorModeration: string;
  errorNetwork: string;
  errorInvalid: string;
  errorUnknown: string;
  dismiss: string;
  listLabel: string;
  status: Record<JobStatus, string>;
  progressLabel: (prompt: string) => string;
  emptyTitle: string;
  emptyBody: string;
  loading: string;
  loadError: string;
  tryAgain: string;
  loadMore: string;
  offline: string;
  play: string;
  retry: string;
  remix: string;
  reusePrompt: string;
  delete: string;
  confirmDelete: string;
  confirmYes: string;
  cancel: string;
  deleted: string;
  announceStatus: (prompt: string, status: string) => string;
  playerEmpty: string;
  playerLabel: string;
  queuedBody: string;
  inProgressBody: (percent: string) => string;
  failedTitle: string;
  editPrompt: string;
  download: string;
  downloading: string;
  previewLabel: string;
  mediaError: string;
  studioLabel: string;
}

/** English, the default pack. */
export const en: SoraStrings = {
  locale: 'en',
  promptLabel: 'Describe your video',
  promptPlaceholder: 'A paper boat drifting down a rainy street at dusk, close-up, soft light…',
  remixLabel: 'Describe what to change',
  remixBadge: 'Remix',
  referenceBadge: 'From an image',
  charCount: (used, max) => `${used.toLocaleString('en')} / ${max.toLocaleString('en')}`,
  promptEmpty: 'Describe the video to generate it.',
  promptTooLong: (over) =>
    `${over.toLocaleString('en')} characters over the limit; shorten the prompt to send it.`,
  model: 'Model',
  size: 'Size',
  length: 'Length',
  seconds: (n) => `${n} ${n === 1 ? 'second' : 'seconds'}`,
  orientation: { landscape: 'Landscape', portrait: 'Portrait', square: 'Square' },
  reference: 'Reference image',
  referenceAdd: 'Add image',
  referenceHint: 'Drop, paste or pick a PNG, JPEG or WebP the video starts from',
  referenceRemove: 'Remove image',
  referenceAlt: 'Reference image preview',
  referenceType: 'Use a PNG, JPEG or WebP image.',
  referenceTooLarge: (max) => `This image is too large; the limit is ${max}.`,
  estimatedCost: (usd) => `Estimated cost ${usd}`,
  submit: 'Generate',
  submitting: 'Sending…',
  shortcutHint: 'Ctrl+Enter to send',
  shortcutHintMac: '⌘+Enter to send',
  remixing: (prompt) => `Remixing “${prompt}”`,
  remixSubmit: 'Remix',
  cancelRemix: 'Cancel remix',
  retryIn: (s) => `You can try again in ${s} s.`,
  errorRateLimited: 'Too many requests right now.',
  errorQuota: 'You have reached your video quota.',
  errorModeration:
    'This request was refused by the content policy. Rephrase it without real people, brands or violent detail.',
  errorNetwork: 'The server could not be reached. Check your connection and try again.',
  errorInvalid: 'Please check the request:',
  errorUnknown: 'Something went wrong. Please try again.',
  dismiss: 'Dismiss',
  listLabel: 'Your videos',
  status: { queued: 'Queued', in_progress: 'Generating', completed: 'Ready', failed: 'Failed' },
  progressLabel: (prompt) => `Progress of “${prompt}”`,
  emptyTitle: 'No videos yet',
  emptyBody: 'Describe a scene above and your videos will appear here.',
  loading: 'Loading your videos…',
  loadError: 'Your videos could not be loaded.',
  tryAgain: 'Try again',
  loadMore: 'Load more',
  offline: 'You are offline. Videos keep being made; progress will update when the connection is back.',
  play: 'Play',
  retry: 'Retry',
  remix: 'Remix',
  reusePrompt: 'Reuse prompt',
  delete: 'Delete',
  confirmDelete: 'Delete this video?',
  confirmYes: 'Delete',
  cancel: 'Cancel',
  deleted: 'Video deleted',
  announceStatus: (prompt, status) => `“${prompt}”: ${status}`,
  playerEmpty: 'Select a video to play it here.',
  playerLabel: 'Video player',
  queuedBody: 'Waiting for a free slot…',
  inProgressBody: (percent) => `Generating… ${percent}`,
  failedTitle: 'This video could not be made',
  editPrompt: 'Edit prompt',
  download: 'Download',
  downloading: 'Preparing…',
  previewLabel: 'Timeline preview',
  mediaError: 'The video could not be played.',
  studioLabel: 'Video studio',
};

const packs: Record<string, SoraStrings> = { en };

/**
 * The packs the elements pick from by `lang`: English, plus every pack registered. Each extra
 * language lives in its own module (`@sora-kit/elements/locales/fr`), so a page pays only for the
 * languages it uses.
 */
export const locales: Readonly<Record<string, SoraStrings>> = packs;

/** The event elements on the page re-render on when a pack arrives (a locale loaded late). */
export const LOCALE_EVENT = 'sora-locale';

/**
 * Makes a pack available to `lang` (under its `locale` tag). Elements already on the page switch
 * to it at once, so a locale module may also be loaded later with `import()`.
 */
export function registerLocale(pack: SoraStrings): void {
  packs[pack.locale] = pack;
  // In Node (SSR) there is no window to tell, and no element to re-render.
  globalThis.dispatchEvent?.(new Event(LOCALE_EVENT));
}

/** The pack for a BCP 47 tag (`fr-CA` → `fr`), English when unknown, with overrides on top. */
export function resolveStrings(lang: string | undefined, overrides?: Partial<SoraStrings>): SoraStrings {
  const base = lang ? (locales[lang] ?? locales[lang.split('-')[0] ?? ''] ?? en) : en;
  return overrides ? { ...base, ...overrides } : base;
}
