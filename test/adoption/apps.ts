/**
 * The examples as a developer gets them: copied out of the workspace, their `@sora-kit/*`
 * dependencies pointed at the packed tarballs, installed with npm, built, and started.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Packs every publishable package; name → absolute .tgz path. */
export async function packAll(outDir: string): Promise<Record<string, string>> {
  const { stdout } = await run(process.execPath, [join(root, 'scripts/pack.mjs'), outDir], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, string>;
}

/** What never leaves the workspace copy. */
const SKIP = new Set(['node_modules', '.next', 'dist', '.sora-kit', 'test-results']);

/**
 * Copies `examples/<name>` to a new folder outside the workspace and points every `@sora-kit/*`
 * dependency (direct or transitive, through npm `overrides`) at its tarball.
 */
export async function copyExample(name: string, tarballs: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sora-kit-adopt-${name}-`));
  await cp(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (source) => !SKIP.has(source.split(/[\\/]/).pop() ?? ''),
  });
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const specs = Object.fromEntries(Object.entries(tarballs).map(([pkg, tgz]) => [pkg, `file:${tgz}`]));
  for (const field of ['dependencies', 'devDependencies']) {
    for (const pkg of Object.keys(manifest[field] ?? {})) {
      if (pkg.startsWith('@sora-kit/')) manifest[field][pkg] = specs[pkg];
    }
  }
  // Transitive ones (the server's and the elements' dependency on core) through overrides only:
  // an example gets no package it does not list (a missing one must fail here as for a user).
  manifest.overrides = specs;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** `npm install`, then `npm run build` when the example has a build. */
export async function installAndBuild(dir: string): Promise<void> {
  const env = { ...process.env, npm_config_loglevel: 'error', NEXT_TELEMETRY_DISABLED: '1' };
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: dir,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  // An example whose `start` builds (react-vite) is built by starting it.
  if (manifest.scripts?.build && !/\bbuild\b/.test(manifest.scripts.start ?? '')) {
    await run('npm', ['run', 'build'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }).catch((error) => {
      throw new Error(`npm run build failed in ${dir}:\n${error.stdout}\n${error.stderr}`);
    });
  }
}

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `npm start` with PORT, a fresh data dir and a short fake; resolves once the API answers. */
export async function startApp(dir: string, fakeSeconds: number): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-adopt-data-'));
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: dir,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      SORA_KIT_DATA_DIR: dataDir,
      SORA_KIT_FAKE_SECONDS: String(fakeSeconds),
      OPENAI_API_KEY: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    // The whole group: npm, and the server it started.
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await fetch(`${url}/api/sora/capabilities`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { url, output: () => output, stop };
    // A poll interval while another process starts (it sends no event we could wait on).
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${dir} did not answer on ${url}:\n${output}`);
}
