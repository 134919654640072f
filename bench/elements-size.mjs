// What a page pays for the four elements: the published build (packages/elements/dist with
// packages/core/dist and every dependency: lit, signals, ky) bundled as a host bundles it, minified,
// then gzipped, against the 30 KB (gzip) target. Two hosts, each with its defaults: esbuild
// (`--bundle --minify --format=esm`, browser platform) and Vite (`vite build` of a page whose script
// is `import '@sora-kit/elements'`); the figure is the larger. Every JavaScript file the page loads
// counts, so a split chunk cannot hide bytes. Also prints the share of each package and of our own
// code, and checks that the French pack stays out and loads on demand as a chunk of its own.
//   pnpm build && node bench/elements-size.mjs

import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { record } from './lib/harness.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const TARGET_GZIP_KB = 30;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** The newest modification time of the files under `dir` (ms). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

// The figure is of the published build: a source newer than it would be measured stale.
for (const name of ['core', 'elements']) {
  const pkg = here(`../packages/${name}`);
  if (newest(join(pkg, 'src')) > statSync(join(pkg, 'dist/index.js')).mtimeMs) {
    console.error(`packages/${name}/dist is older than its sources: run \`pnpm build\` first`);
    process.exit(1);
  }
}

// A host page outside the workspace, with the package installed as pnpm links it.
const page = mkdtempSync(join(tmpdir(), 'sora-kit-page-'));
mkdirSync(join(page, 'node_modules/@sora-kit'), { recursive: true });
symlinkSync(here('../packages/elements'), join(page, 'node_modules/@sora-kit/elements'), 'dir');
writeFileSync(join(page, 'main.js'), "import '@sora-kit/elements';\n");
// The French pack as a host loads it: only when the page is in French.
writeFileSync(
  join(page, 'french.js'),
  "import '@sora-kit/elements';\nif (document.documentElement.lang === 'fr') import('@sora-kit/elements/locales/fr');\n",
);
const html = (script) =>
  `<!doctype html><html><body><sora-studio></sora-studio><script type="module" src="./${script}"></script></body></html>\n`;
writeFileSync(join(page, 'index.html'), html('main.js'));
writeFileSync(join(page, 'french.html'), html('french.js'));

const require = createRequire(here('../packages/elements/package.json'));
const esbuild = await import(require.resolve('esbuild'));
const rootRequire = createRequire(here('../package.json'));
const vite = await import(rootRequire.resolve('vite'));

/** esbuild with a host's flags; `external` leaves packages out (for the breakdown). */
async function withEsbuild(entry, external = []) {
  const result = await esbuild.build({
    entryPoints: [join(page, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: join(page, 'out-esbuild'),
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  });
  const files = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  return {
    files,
    metafile: result.metafile,
    gzip: files.reduce((sum, file) => sum + gzip(file.contents), 0),
  };
}

/** Vite's production build of one page, with its defaults (bar its own modulepreload polyfill). */
async function withVite(input) {
  const output = await vite.build({
    root: page,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, modulePreload: { polyfill: false }, rollupOptions: { input: join(page, input) } },
  });
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((o) => o.output)
    .filter((o) => o.type === 'chunk');
  return { chunks, gzip: chunks.reduce((sum, chunk) => sum + gzip(chunk.code), 0) };
}

/** Groups a bundle's input files by package for the breakdown. */
function byPackage(metafile) {
  const sizes = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) {
      const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const ours = /packages\/(core|elements)\//.exec(path)?.[1];
      const name = ours ? `@sora-kit/${ours}` : dep;
      if (name) sizes.set(name, (sizes.get(name) ?? 0) + info.bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

try {
  const all = await withEsbuild('main.js');
  const viaVite = await withVite('index.html');
  const bytes = all.files.reduce((sum, file) => sum + file.contents.length, 0);
  console.log(
    `all four elements + core + deps, as esbuild bundles them: ${kb(bytes)} minified, ${kb(all.gzip)} gzip (${all.gzip} B)`,
  );
  console.log(`  the same page built by Vite: ${kb(viaVite.gzip)} gzip (${viaVite.gzip} B)`);
  for (const [name, size] of byPackage(all.metafile))
    console.log(`  ${name.padEnd(22)} ${kb(size).padStart(9)} minified`);
  // Our code (elements + core) with every third-party package left out: what is ours to trim.
  const ours = await withEsbuild('main.js', ['lit', 'lit/*', '@lit/*', 'ky', '@preact/signals-core']);
  console.log(
    `elements + core without their dependencies: ${kb(ours.gzip)}; the dependencies add ${kb(all.gzip - ours.gzip)}`,
  );

  // Locales other than English: in no chunk the page loads up front, one chunk of its own on demand.
  const french = await withVite('french.html');
  const eager = french.chunks.filter((chunk) => chunk.isEntry);
  const lazy = french.chunks.filter((chunk) => chunk.isDynamicEntry);
  const frenchUpFront = [...all.files.map((file) => file.text), ...eager.map((chunk) => chunk.code)].some(
    (code) => code.includes('Décrivez'),
  );
  const frenchChunk = lazy.find((chunk) => chunk.code.includes('Décrivez'));
  if (frenchUpFront || !frenchChunk) {
    console.error(
      'the French pack is not loaded on demand: it is in the page up front, or in no chunk of its own',
    );
    process.exitCode = 1;
  } else {
    console.log(
      `the French pack: not in the page; ${kb(gzip(frenchChunk.code))} gzip, a chunk loaded on demand`,
    );
  }

  const figure = Math.max(all.gzip, viaVite.gzip);
  const share = (figure / 1024 / TARGET_GZIP_KB) * 100;
  console.log(
    `target ${TARGET_GZIP_KB} KB gzip: ${share <= 100 ? 'within' : 'OVER'} (${share.toFixed(0)} % of the budget)`,
  );
  record({
    elementsGzipBytes: {
      value: figure,
      baseline: TARGET_GZIP_KB * 1024,
      unit: 'B',
      baselineIs: `the ${TARGET_GZIP_KB} KB gzip budget; the figure is the larger of esbuild's ${all.gzip} B and Vite's ${viaVite.gzip} B`,
      target: `≤ ${TARGET_GZIP_KB * 1024}`,
    },
  });
} finally {
  rmSync(page, { recursive: true, force: true });
}
