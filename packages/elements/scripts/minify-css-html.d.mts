/** Collapses whitespace in every html`…` template of a source file. */
export function minifyHtmlTemplates(source: string): string;
/** The static strings of every html`…` template of a source file, nested ones included. */
export function htmlTemplateStrings(source: string): string[][];
