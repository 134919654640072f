/**
 * `npx sora-kit-fake-openai`: settings come from the environment; `--help` says which, and any
 * other argument is refused with the help instead of starting a server the user did not ask for.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runBin } from '../../support/run-bin.js';

const bin = fileURLToPath(new URL('../../../bin/fake-openai.mjs', import.meta.url));

/** Runs the fake's bin to its end. */
async function runFake(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runBin(bin, args, { FAKE_OPENAI_PORT: '0' });
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

test('--help prints the settings and exits without serving', async () => {
  const { code, stdout } = await runFake(['--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('FAKE_OPENAI_PORT');
  expect(stdout).toContain('SORA_KIT_FAKE_SECONDS');
  expect(stdout).not.toContain('listening');
});

test('an unknown argument is refused with the help', async () => {
  const { code, stdout, stderr } = await runFake(['--port', '5000']);
  expect(code).toBe(2);
  expect(stderr).toContain('takes no arguments (got --port 5000)');
  expect(stderr).toContain('FAKE_OPENAI_PORT');
  expect(stdout).not.toContain('listening');
});
