// Packs every publishable package (packages/*, not private) with `pnpm pack`, as a release would,
// into one folder. Used by the adoption tests, the package-size bench and the publish dry run.
//
//   node scripts/pack.mjs [outDir]     (default: a new temporary folder)
//
// Prints one JSON object on stdout: { "<package name>": "<absolute path of its .tgz>", ... }.
// Needs built packages (`pnpm build`): it packs what is in each package's dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'sora-kit-pack-')));
mkdirSync(outDir, { recursive: true });

const tarballs = {};
for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const dir = join(root, 'packages', entry.name);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  if (manifest.private) continue;
  // Each package packs into its own folder first, so its file name is the only new one there.
  const own = mkdtempSync(join(outDir, '.pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', own], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [file] = readdirSync(own).filter((name) => name.endsWith('.tgz'));
  if (!file) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
  const target = join(outDir, file);
  renameSync(join(own, file), target);
  rmSync(own, { recursive: true, force: true });
  tarballs[manifest.name] = target;
}
process.stdout.write(`${JSON.stringify(tarballs, null, 2)}\n`);
