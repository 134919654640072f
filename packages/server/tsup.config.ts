import { defineConfig } from 'tsup';

export default defineConfig({
  // msw-peer(-browser) and pino-node/-browser are entries of their own, reached through
  // package.json's `imports` (#msw-peer, #pino).
  entry: [
    'src/index.ts',
    'src/node.ts',
    'src/testing.ts',
    'src/providers/msw-peer.ts',
    'src/providers/msw-peer-browser.ts',
    'src/observability/pino-node.ts',
    'src/observability/pino-browser.ts',
  ],
  external: ['#msw-peer', '#pino'],
  // ESM for `import`, CommonJS (.cjs + .d.cts) for `require()`; see the exports map.
  format: ['esm', 'cjs'],
  // The CommonJS build shares its chunks between entries too, so `./testing` and `.` use one copy.
  splitting: true,
  // `import.meta.url` (finding the sample media next to the built files) also works in the CJS build.
  shims: true,
  dts: { entry: ['src/index.ts', 'src/node.ts', 'src/testing.ts'] },
  // No sourcemaps in the tarball: the output is readable, unminified code, and hosts never load them.
  sourcemap: false,
  clean: true,
  target: 'node20',
  // Sample media is read from disk at run time, next to the built files.
  publicDir: false,
});
