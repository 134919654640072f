import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries: valibot lives only in ./validation (the server's), never in the browser's bundle.
  entry: ['src/index.ts', 'src/validation.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
