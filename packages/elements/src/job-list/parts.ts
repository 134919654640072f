/**
 * Every `part` of `<sora-job-list>`, for `::part()` styling. The studio re-exports them with a
 * prefix, and a test checks that the `@csspart` tags and the README list exactly these.
 */
export const PARTS = [
  'list',
  'row',
  'row-selected',
  'row-button',
  'thumbnail',
  'meta',
  'status',
  'tag',
  'progress',
  'row-error',
  'action-error',
  'actions',
  'action',
  'play',
  'retry',
  'remix',
  'reuse',
  'delete',
  'confirm',
  'confirm-delete',
  'cancel-delete',
  'offline',
  'load-more',
  'empty',
  'skeleton',
  'error',
  'retry-load',
] as const;

/** A part name of `<sora-job-list>`. */
export type JobListPart = (typeof PARTS)[number];
