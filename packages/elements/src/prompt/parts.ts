/**
 * Every `part` of `<sora-prompt>`, for `::part()` styling. The studio re-exports them with a prefix,
 * and a test checks that the `@csspart` tags and the README list exactly these.
 */
export const PARTS = [
  'form',
  'remix-banner',
  'remix-cancel',
  'label',
  'textarea',
  'count',
  'options',
  'select',
  'model-select',
  'size-select',
  'seconds-select',
  'reference-button',
  'reference-preview',
  'reference-image',
  'reference-remove',
  'error',
  'countdown',
  'cost',
  'submit',
] as const;

/** A part name of `<sora-prompt>`. */
export type PromptPart = (typeof PARTS)[number];
