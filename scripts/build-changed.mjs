// Rebuilds each package only when its sources are newer than its last build, quietly: what
// `pnpm start` runs before the demo, so a warm start takes a second instead of a full build.
//
//   node scripts/build-changed.mjs
//
// A lock (an atomic `mkdir`) keeps two demos started at once from one checkout from building
// twice or writing the same dist/ together: the second waits, then finds nothing left to build.
// The build's own output is shown only when it fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// In dependency order: the server and the elements build against core's dist.
const PACKAGES = ['core', 'server', 'elements'];
const INPUTS = ['src', 'package.json', 'tsup.config.ts', 'scripts'];
// Stamps and lock live in node_modules (ignored by git, never packed).
const state = join(root, 'node_modules', '.sora-kit-build');
const lock = join(state, 'lock');
const stampOf = (dir) => join(state, `${dir.slice(dir.lastIndexOf('/') + 1)}.stamp`);

/** Newest modification time under `path` (a file or a folder), 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

function isStale(dir) {
  const stamp = stampOf(dir);
  if (!existsSync(stamp) || !existsSync(join(dir, 'dist'))) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => newest(join(dir, input)) > built);
}

function acquireLock() {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (!holderAlive()) {
      rmSync(lock, { recursive: true, force: true }); // left by a build that was killed
      continue;
    }
    // Another start is building: wait for it (a short blocking pause; nothing else to do here).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function holderAlive() {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return true;
  } catch (error) {
    // No pid file yet: the holder is between mkdir and writing it.
    return error.code === 'EPERM' || (error.code === 'ENOENT' && existsSync(lock));
  }
}

const stale = () => PACKAGES.map((name) => join(root, 'packages', name)).filter(isStale);
if (stale().length > 0) {
  mkdirSync(state, { recursive: true });
  acquireLock();
  try {
    // Checked again under the lock: a concurrent start may have built them meanwhile.
    for (const dir of stale()) {
      const name = dir.slice(dir.lastIndexOf('/') + 1);
      process.stdout.write(`building ${name}… `);
      try {
        execFileSync('pnpm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'pipe' });
      } catch (error) {
        process.stdout.write('failed\n');
        process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
        process.exit(1);
      }
      writeFileSync(stampOf(dir), '');
      process.stdout.write('done\n');
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
