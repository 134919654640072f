/** Minifies one stretch of CSS text. */
export function minifyCssText(text: string): string;
/** Rewrites every css`…` literal of a source file. */
export function minifyCssTemplates(source: string): string;
