/** Bundles and spawns test/support/child-server.ts as a real Node process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));

/** Compiles the child script once into the package (so its imports resolve from its node_modules). */
export async function buildChild(): Promise<string> {
  const outDir = await mkdtemp(join(serverDir, 'test/.tmp-'));
  await build({
    entry: { child: join(serverDir, 'test/support/child-server.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: false,
    splitting: false,
    silent: true,
    config: false,
    esbuildOptions(options) {
      // Everything but this package's sources (including @sora-kit/core, built) is loaded from
      // node_modules at run time, as in production.
      options.packages = 'external';
    },
  });
  const built = (await readdir(outDir)).find((name) => /^child\.m?js$/.test(name));
  if (!built) throw new Error(`the child server did not build into ${outDir}`);
  return join(outDir, built);
}

/** A running child server. */
export interface Child {
  url: string;
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the child and resolves once it listens. */
export function startChild(script: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const kill = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], process: child, kill });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited with ${code}:\n${output}`)));
  });
}
