/**
 * Every `part` of `<sora-player>`, for `::part()` styling. The studio re-exports them with a
 * prefix, and a test checks that the `@csspart` tags and the README list exactly these.
 */
export const PARTS = [
  'stage',
  'video',
  'placeholder',
  'state',
  'progress',
  'percent',
  'error',
  'retry',
  'edit-prompt',
  'controls',
  'play-toggle',
  'timeline',
  'preview',
  'fullscreen',
  'toolbar',
  'download',
  'reload',
] as const;

/** A part name of `<sora-player>`. */
export type PlayerPart = (typeof PARTS)[number];
