/** One of the package's bins as a real Node process, its output collected as it comes. */
import { type ChildProcess, spawn } from 'node:child_process';

/** A started bin: the process, its exit code once it ends, and what it printed so far. */
export interface RunningBin {
  child: ChildProcess;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

/** Starts `bin` with `args`, the test's environment plus `env`. */
export function runBin(bin: string, args: string[], env: Record<string, string> = {}): RunningBin {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}
