// An esbuild plugin (used by tsup and bench/elements-size.mjs) that minifies the CSS inside Lit's
// `css` tagged templates of the elements' sources: comments dropped, whitespace collapsed. The
// styles are the bulk of the elements' own code, and esbuild leaves template literals untouched.
import { readFile } from 'node:fs/promises';
import { minifyCssTemplates } from './minify-css-text.mjs';

export { minifyCssTemplates, minifyCssText } from './minify-css-text.mjs';

/** The esbuild plugin: applies `minifyCssTemplates` to the elements' TypeScript sources. */
export function minifyCss() {
  return {
    name: 'sora-minify-css',
    setup(build) {
      build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('css`')) return undefined;
        return { contents: minifyCssTemplates(source), loader: 'ts' };
      });
    },
  };
}
