// Starts the demo as a user would (`node examples/node-server/server.mjs`) and waits for its URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningDemo {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

const serverScript = fileURLToPath(new URL('../../examples/node-server/server.mjs', import.meta.url));

/** Spawns the demo on a free port and resolves once it prints its URL. */
export function startDemo(env: Record<string, string>): Promise<RunningDemo> {
  const child = spawn(process.execPath, [serverScript], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    // A give-up deadline, not a wait: startup is awaited on the process's own output line.
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[^\s]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited with ${code}:\n${output}`));
    });
  });
}
