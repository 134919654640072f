/**
 * Every visible string of the elements. Replace any subset with the `strings` property, or pick a
 * registered locale pack with the `lang` attribute (`en` built in; `fr` from
 * `@sora-kit/elements/locales/fr`). Plurals and numbers go through `Intl`.
 */
import type { JobStatus } from '@sora-kit/core';

/** Orientation of a video size, for labels such as "1280×720 · Landscape". */
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
  /** The tag of a job made again (Retry), so its first "… ago" is not taken for this attempt's. */
  retriedBadge: (attempt: number) => string;
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
  referenceRemove: string;
  referenceAlt: string;
  referenceType: string;
  /** The file's bytes are not an image, whatever its name says. */
  referenceNotImage: string;
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
  /**
   * What happened and what to do, per error code: the contract's API codes, the client's
   * (`network_error`, `timeout`, `invalid_response`) and a failed job's (`moderation_blocked`,
   * `expired`, …). A code missing here shows `errorUnknown`.
   */
  errors: Record<string, string>;
  errorUnknown: string;
  listLabel: string;
  status: Record<JobStatus, string>;
  progressLabel: (prompt: string) => string;
  emptyTitle: string;
  emptyBody: string;
  loading: string;
  /** The player while the job it was given is fetched. */
  loadingVideo: string;
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
  pause: string;
  /** The scrubber's label. */
  seek: string;
  fullscreen: string;
  download: string;
  downloading: string;
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
  retriedBadge: (attempt) => `Attempt ${attempt}`,
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
  referenceRemove: 'Remove image',
  referenceAlt: 'Reference image preview',
  referenceType: 'Use a PNG, JPEG or WebP image.',
  referenceNotImage: 'This file is not a PNG, JPEG or WebP image, whatever its name says. Pick another file.',
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
  errors: {
    invalid_request: 'Something in the request needs changing. Edit what is listed, then send again:',
    unauthorized: 'You are signed out. Sign in again, then send it again.',
    forbidden: 'You are not allowed to do this. Contact the site if you think you should be.',
    not_found: 'This video no longer exists; it may have been deleted elsewhere. Refresh the page.',
    not_ready: 'This video is not finished yet. Wait until it is ready, then try again.',
    conflict: 'This video changed meanwhile. Refresh the page and try again.',
    payload_too_large: 'The image is too large. Pick a smaller one and send again.',
    unsupported_media_type: 'This file is not an image the service can use. Pick a PNG, JPEG or WebP.',
    rate_limited: 'You are making videos faster than allowed. Wait for the countdown, then send again.',
    quota_exceeded:
      'You have used all your videos for now. Wait for the countdown, or contact the site for more.',
    upstream_error:
      'The video service turned this request down. Try again; if it keeps failing, edit the prompt.',
    upstream_unavailable: 'The video service is busy right now. Wait for the countdown, then send again.',
    internal:
      'Something went wrong on our side. Try again in a moment; if it keeps happening, contact the site.',
    network_error: 'The server could not be reached. Check your connection and try again.',
    timeout: 'This took too long. Try again; a shorter or smaller video is quicker.',
    invalid_response: 'The server sent an answer we could not read. Try again, or contact the site.',
    moderation_blocked:
      'This prompt was refused by the content policy. Edit it to leave out real people, brands or violent detail.',
    invalid_reference: 'The reference image could not be used. Try another image, or generate without one.',
    expired:
      'This video is no longer kept by the video service. Retry to make it again from the same prompt.',
    upstream_failed:
      'The video service could not make this video. Retry, or edit the prompt and generate again.',
  },
  errorUnknown: 'Something went wrong. Try again; if it keeps happening, contact the site.',
  listLabel: 'Your videos',
  status: { queued: 'Queued', in_progress: 'Generating', completed: 'Ready', failed: 'Failed' },
  progressLabel: (prompt) => `Progress of “${prompt}”`,
  emptyTitle: 'No videos yet',
  emptyBody: 'Describe a scene above and your videos will appear here.',
  loading: 'Loading your videos…',
  loadingVideo: 'Loading the video…',
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
  pause: 'Pause',
  seek: 'Position in the video',
  fullscreen: 'Full screen',
  download: 'Download',
  downloading: 'Preparing…',
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
