// An esbuild plugin (used by tsup, bench/elements-size.mjs and the screenshots) that minifies the
// elements' Lit templates: the CSS of css`…` (comments dropped, whitespace and redundant characters
// cut) and the whitespace of html`…`. The styles are the bulk of the elements' own code, and
// esbuild leaves template literals untouched.
import { readFile } from 'node:fs/promises';
import { minifyHtmlTemplates } from './minify-css-html.mjs';
import { minifyCssTemplates } from './minify-css-text.mjs';

export { minifyHtmlTemplates } from './minify-css-html.mjs';
export { minifyCssTemplates, minifyCssText } from './minify-css-text.mjs';

/** The esbuild plugin: minifies the css`…` and html`…` templates of the elements' sources. */
export function minifyCss() {
  return {
    name: 'sora-minify-css',
    setup(build) {
      build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('css`') && !source.includes('html`')) return undefined;
        return { contents: minifyHtmlTemplates(minifyCssTemplates(source)), loader: 'ts' };
      });
    },
  };
}
