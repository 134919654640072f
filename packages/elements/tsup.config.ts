import { defineConfig } from 'tsup';
import { minifyCss } from './scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/react.ts', 'src/locales/fr.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Lit's css`…` templates ship without comments and indentation.
  esbuildPlugins: [minifyCss()],
});
