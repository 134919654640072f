import { defineConfig } from 'tsup';

export default defineConfig({
  // valibot lives only in ./validation (the server's), never in the browser's bundle; ./protocol is
  // the contract without the client (ky, signals), for the server's cold start.
  entry: ['src/index.ts', 'src/validation.ts', 'src/protocol.ts'],
  // ESM for `import`, CommonJS (.cjs + .d.cts) for `require()`; see the exports map.
  format: ['esm', 'cjs'],
  dts: true,
  // No sourcemaps in the tarball: the output is readable, unminified code, and hosts never load them.
  sourcemap: false,
  clean: true,
  target: 'es2022',
});
