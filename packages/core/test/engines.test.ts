/**
 * Core promises Node ^20.19 || >=22.12 (its `engines`); a dependency asking for more breaks installs
 * with engine-strict and warns on every other (eventsource-parser 4 wants Node 22.12).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const core = manifest('../package.json') as { dependencies: Record<string, string> };

/** The lowest Node a `>=x.y.z` range accepts, as [x, y, z]; undefined for any other form. */
function lowestNode(range: string): number[] | undefined {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  return match ? match.slice(1).map((part) => Number(part ?? 0)) : undefined;
}

describe("core's dependencies", () => {
  it.each(Object.keys(core.dependencies))('%s runs on Node 20.19', (name) => {
    const range = (manifest(`../node_modules/${name}/package.json`) as { engines?: { node?: string } })
      .engines?.node;
    if (range === undefined) return;
    const [major = 0, minor = 0] = lowestNode(range) ?? [Number.POSITIVE_INFINITY];
    expect(major < 20 || (major === 20 && minor <= 19), `${name} needs Node ${range}`).toBe(true);
  });
});
