import { defineConfig } from 'tsup';
import { minifyCss } from './scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/react.ts', 'src/locales/fr.ts'],
  // ESM for `import`, CommonJS (.cjs + .d.cts) for `require()`; see the exports map.
  format: ['esm', 'cjs'],
  dts: true,
  // No sourcemaps in the tarball: the output is readable, unminified code, and hosts never load them.
  sourcemap: false,
  clean: true,
  target: 'es2022',
  // Lit's css`…` templates ship without comments and indentation.
  esbuildPlugins: [minifyCss()],
});
