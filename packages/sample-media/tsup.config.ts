import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  // ESM for `import`, CommonJS (.cjs + .d.cts) for `require()`, like the other packages.
  format: ['esm', 'cjs'],
  // `import.meta.url` (the media folder is found from it) in the CommonJS build too.
  shims: true,
  dts: true,
  // No sourcemaps in the tarball: the output is readable, unminified code.
  sourcemap: false,
  clean: true,
  target: 'es2022',
});
