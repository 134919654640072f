/**
 * The browser entry stays free of valibot (about 2.4 KB gzip): only the server's
 * `@sora-kit/core/validation` entry may pull it in.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// esbuild is a dev dependency of the elements package (its size bench and css minifier).
const require = createRequire(here('../../elements/package.json'));

/** The part of esbuild's `build` used here (core does not depend on esbuild, so no types). */
type Build = (options: Record<string, unknown>) => Promise<{ metafile: { inputs: Record<string, unknown> } }>;

async function bundledInputs(entry: string): Promise<string[]> {
  const { build } = (await import(require.resolve('esbuild'))) as { build: Build };
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser', 'production'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the browser bundle', () => {
  it('leaves valibot out of the main entry', async () => {
    const inputs = await bundledInputs('../src/index.ts');
    expect(inputs.some((path) => path.includes('eventsource-parser'))).toBe(true);
    expect(inputs.filter((path) => path.includes('valibot'))).toEqual([]);
  });

  it('keeps it in the validation entry', async () => {
    const inputs = await bundledInputs('../src/validation.ts');
    expect(inputs.some((path) => path.includes('valibot'))).toBe(true);
  });

  it('gives the protocol entry no dependency at all (the server loads it at every cold start)', async () => {
    const inputs = await bundledInputs('../src/protocol.ts');
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
  });
});
