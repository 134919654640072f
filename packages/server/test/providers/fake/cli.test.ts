/**
 * `npx sora-kit-fake-openai`: settings come from the environment; `--help` says which, and any
 * other argument is refused with the help instead of starting a server the user did not ask for.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/fake-openai.mjs', import.meta.url));

function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, FAKE_OPENAI_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

test('--help prints the settings and exits without serving', async () => {
  const { code, stdout } = await runBin(['--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('FAKE_OPENAI_PORT');
  expect(stdout).toContain('SORA_KIT_FAKE_SECONDS');
  expect(stdout).not.toContain('listening');
});

test('an unknown argument is refused with the help', async () => {
  const { code, stdout, stderr } = await runBin(['--port', '5000']);
  expect(code).toBe(2);
  expect(stderr).toContain('takes no arguments (got --port 5000)');
  expect(stderr).toContain('FAKE_OPENAI_PORT');
  expect(stdout).not.toContain('listening');
});
