/**
 * `@sora-kit/server/testing` runs in browsers (Storybook's msw worker), so no module it loads
 * eagerly may import Node built-ins or Node-only packages; those must stay behind `import()`.
 * This walks the static import graph of the sources from `src/testing.ts`.
 */
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = new Set([...builtinModules, '@hono/node-server', 'sharp']);

/** Specifiers of static, value-level imports and re-exports (type-only ones vanish at build). */
function staticImports(source: string): string[] {
  const pattern = /^(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] as string);
}

async function graph(entry: URL): Promise<{ files: string[]; packages: Map<string, string> }> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as URL;
    if (seen.has(file.href)) continue;
    seen.add(file.href);
    for (const specifier of staticImports(await readFile(file, 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(new URL(specifier.replace(/\.js$/, '.ts'), file));
      else packages.set(specifier, file.pathname);
    }
  }
  return { files: [...seen], packages };
}

describe('@sora-kit/server/testing is browser-safe', () => {
  it('loads no Node built-in or Node-only package eagerly', async () => {
    const { files, packages } = await graph(new URL('../../../src/testing.ts', import.meta.url));
    expect(files.some((file) => file.endsWith('/providers/fake/fake.ts'))).toBe(true);
    const offenders = [...packages].filter(([specifier]) => {
      const name = specifier.replace(/^node:/, '').split('/')[0] as string;
      return specifier.startsWith('node:') || NODE_ONLY.has(name) || NODE_ONLY.has(specifier);
    });
    expect(offenders).toEqual([]);
  });

  it('the walker does see a static Node import', () => {
    expect(
      staticImports("import { readFile } from 'node:fs/promises';\nimport type { X } from 'node:url';"),
    ).toEqual(['node:fs/promises']);
  });
});
