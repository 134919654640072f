// Bundle size of the four elements with @sora-kit/core and every dependency (lit, signals, ky,
// valibot, eventsource-parser), minified for the browser, then gzipped and brotli'd, against the
// 30 KB (gzip) target. Also prints the elements' own share (core and deps left external) and the
// largest inputs, so a regression points at its cause.
//   node bench/elements-size.mjs

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { record } from './lib/harness.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(here('../packages/elements/package.json'));
const { build } = await import(require.resolve('esbuild'));
// The published build minifies the elements' css`…` templates (packages/elements/tsup.config.ts).
const { minifyCss } = await import('../packages/elements/scripts/minify-css.mjs');

const TARGET_GZIP_KB = 30;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bundles the elements' entry; `external` leaves packages out of the bundle. */
async function bundle(external = []) {
  const result = await build({
    entryPoints: [here('../packages/elements/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
    conditions: ['browser', 'production'],
    plugins: [minifyCss()],
    alias: external.length ? {} : { '@sora-kit/core': here('../packages/core/src/index.ts') },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  return { code, inputs, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length };
}

/** Groups input files by package for the breakdown. */
function byPackage(inputs) {
  const sizes = new Map();
  for (const [path, info] of Object.entries(inputs)) {
    const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const name = dep ?? (path.includes('packages/core/') ? '@sora-kit/core' : '@sora-kit/elements');
    sizes.set(name, (sizes.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

const DEPENDENCIES = ['lit', 'lit/*', '@lit/*', 'ky', '@preact/signals-core', 'eventsource-parser'];
const all = await bundle();
const own = await bundle(['@sora-kit/core', 'lit', 'lit/*', '@lit/*']);
// Our code (elements + core) with every third-party package left out: what is ours to trim.
const ours = await bundle(DEPENDENCIES);
console.log(
  `all four elements + core + deps: ${kb(all.code.length)} minified, ${kb(all.gzip)} gzip, ${kb(all.brotli)} brotli`,
);
for (const [name, bytes] of byPackage(all.inputs))
  console.log(`  ${name.padEnd(22)} ${kb(bytes).padStart(9)} minified`);
console.log(
  `the elements' own code (core and lit external): ${kb(own.code.length)} minified, ${kb(own.gzip)} gzip`,
);
console.log(
  `elements + core without their dependencies: ${kb(ours.gzip)} gzip; the dependencies add ${kb(all.gzip - ours.gzip)}`,
);
const share = (all.gzip / 1024 / TARGET_GZIP_KB) * 100;
console.log(
  `target ${TARGET_GZIP_KB} KB gzip: ${share <= 100 ? 'within' : 'OVER'} (${share.toFixed(0)} % of the budget)`,
);
record({
  elementsGzipBytes: {
    value: all.gzip,
    baseline: TARGET_GZIP_KB * 1024,
    unit: 'B',
    baselineIs: `the ${TARGET_GZIP_KB} KB gzip budget (elements + core + dependencies)`,
    target: `≤ ${TARGET_GZIP_KB * 1024}`,
  },
});
