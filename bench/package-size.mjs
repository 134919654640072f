// What a host downloads and keeps: each published tarball's size (packed and unpacked, file count),
// then the install size of `npm i @sora-kit/server @sora-kit/elements @sora-kit/core` from those
// tarballs in a fresh folder outside the workspace (package count, MB on disk, the largest ones).
//   node bench/package-size.mjs          (needs built packages: `pnpm build`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const work = mkdtempSync(join(tmpdir(), 'sora-kit-size-'));
try {
  const tarballs = JSON.parse(
    execFileSync('node', [join(root, 'scripts/pack.mjs'), join(work, 'tarballs')], { encoding: 'utf8' }),
  );

  console.log('tarballs:');
  for (const [name, file] of Object.entries(tarballs)) {
    const listing = execFileSync('tar', ['tzvf', file], { encoding: 'utf8' }).trim().split('\n');
    // `tar tzv` prints the size in its third column.
    const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] ?? 0), 0);
    console.log(
      `  ${name.padEnd(20)} ${kb(statSync(file).size).padStart(9)} packed, ${kb(unpacked).padStart(9)} unpacked, ${listing.length} files`,
    );
  }

  // A fresh app, as a host would start one, installing the three packages from the tarballs.
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
  const wanted = ['@sora-kit/server', '@sora-kit/elements', '@sora-kit/core'].map((name) => tarballs[name]);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...wanted], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const packages = installedPackages(join(app, 'node_modules'));
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  console.log(
    `npm i @sora-kit/server @sora-kit/elements @sora-kit/core: ${packages.length} packages, ${mb(diskUsage(join(app, 'node_modules')))} on disk`,
  );
  console.log('  largest:');
  for (const p of packages.sort((a, b) => b.bytes - a.bytes).slice(0, 10))
    console.log(
      `    ${p.name.padEnd(36)} ${mb(p.bytes).padStart(9)} (${((100 * p.bytes) / total).toFixed(0)}%)`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Every package under node_modules (nested ones too), with its own bytes on disk (nested excluded). */
function installedPackages(modules, found = []) {
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(modules, entry.name);
    if (entry.name.startsWith('@')) {
      installedPackages(dir, found);
      continue;
    }
    if (!existsSync(join(dir, 'package.json'))) continue;
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    found.push({ name, bytes: ownBytes(dir) });
    installedPackages(join(dir, 'node_modules'), found);
  }
  return found;
}

/** Bytes of a package's files, leaving out its own nested node_modules (counted as packages). */
function ownBytes(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') bytes += ownBytes(path);
    } else if (entry.isFile()) bytes += statSync(path).blocks * 512;
  }
  return bytes;
}

/** `du` of a folder, in bytes (blocks on disk, as a user's disk sees them). */
function diskUsage(dir) {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split(/\s/)[0]) * 1024;
}
