import { defineConfig } from 'tsup';
import { minifyCss } from './scripts/minify-css.mjs';

// `@sora-kit/elements/browser`: every element with lit and core bundled in, one minified ES module
// for pages without a bundler (`<script type="module">` or an import map).
export default defineConfig({
  entry: { browser: 'src/index.ts' },
  format: ['esm'],
  platform: 'browser',
  noExternal: [/.*/],
  minify: true,
  sourcemap: true,
  dts: false,
  clean: false,
  target: 'es2022',
  esbuildPlugins: [minifyCss()],
});
