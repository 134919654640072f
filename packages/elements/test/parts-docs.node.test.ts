/**
 * The parts a designer styles with `::part()` are named once, in each element's `PARTS`: the
 * templates, the `@csspart` tags (the Custom Elements Manifest) and the README must agree with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The analyzer's programmatic entry: the manifest the build writes, returned instead of written.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTS as LIST_PARTS } from '../src/job-list/parts.js';
import { PARTS as PLAYER_PARTS } from '../src/player/parts.js';
import { PARTS as PROMPT_PARTS } from '../src/prompt/parts.js';
import { CHILD_PARTS, exportParts, PARTS as STUDIO_PARTS } from '../src/studio/parts.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

const elements = [
  { tag: 'sora-prompt', folder: 'prompt', parts: PROMPT_PARTS },
  { tag: 'sora-job-list', folder: 'job-list', parts: LIST_PARTS },
  { tag: 'sora-player', folder: 'player', parts: PLAYER_PARTS },
  { tag: 'sora-studio', folder: 'studio', parts: STUDIO_PARTS },
] as const;

let manifest: Manifest;
beforeAll(async () => {
  manifest = (await cli({ argv: ['analyze', '--quiet'], cwd: packageDir, noWrite: true })) as Manifest;
});

const declaration = (tag: string) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

/** The part names written literally in an element folder's templates (`part="action retry"`). */
function templateParts(folder: string): Set<string> {
  const dir = `src/${folder}`;
  const names = new Set<string>();
  for (const file of readdirSync(new URL(`../${dir}`, import.meta.url))) {
    const source = read(`${dir}/${file}`);
    for (const [, value = ''] of source.matchAll(/\bpart="([^"]*)"/g)) {
      // `${…}` is a computed part (`row${selected ? ' row-selected' : ''}`), named in PARTS by hand.
      for (const name of value.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) {
        if (/^[a-z][a-z-]*[a-z]$/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

/** The backticked names in the README's `Parts:` paragraph of an element's section. */
function readmeParts(tag: string): string[] {
  const readme = read('README.md');
  const section = readme.split(/^### /m).find((s) => s.startsWith(`\`<${tag}>\``)) ?? '';
  const paragraph = /^Parts: ([\s\S]*?)(?=\n\n|\n[A-Z])/m.exec(section)?.[1] ?? '';
  return [...paragraph.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1] ?? '');
}

describe.each(elements)('<$tag> parts', ({ tag, folder, parts }) => {
  it('are listed once each', () => {
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('cover every part its templates use', () => {
    const missing = [...templateParts(folder)].filter((name) => !(parts as readonly string[]).includes(name));
    expect(missing).toEqual([]);
  });

  it('are exactly the @csspart tags of the manifest', () => {
    const documented = (declaration(tag)?.cssParts ?? [])
      .map((part) => part.name)
      .filter((name) => !name.endsWith('-*'));
    expect(documented.sort()).toEqual([...parts].sort());
  });

  it('are exactly the parts the README lists', () => {
    expect(readmeParts(tag).sort()).toEqual([...parts].sort());
  });
});

describe('<sora-studio>', () => {
  it("re-exports every part of its three children under the child's prefix", () => {
    for (const [prefix, parts] of Object.entries(CHILD_PARTS)) {
      const mapping = exportParts(prefix as keyof typeof CHILD_PARTS).split(', ');
      expect(mapping).toEqual(parts.map((part) => `${part}: ${prefix}-${part}`));
    }
    const wildcards = (declaration('sora-studio')?.cssParts ?? []).filter((p) => p.name.endsWith('-*'));
    expect(wildcards.map((p) => p.name).sort()).toEqual(
      Object.keys(CHILD_PARTS)
        .map((p) => `${p}-*`)
        .sort(),
    );
  });
});

describe('the manifest', () => {
  it('lists no private members, controller getters or test hooks', () => {
    const members = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.members ?? []);
    const names = new Set(members.map((member) => member.name));
    for (const internal of [
      'now',
      'ticking',
      'job',
      'referenceAllowed',
      'referenceLimit',
      'bound',
      't',
      'find',
      'notify',
    ]) {
      expect(names.has(internal), internal).toBe(false);
    }
    expect(names.has('jobId')).toBe(true);
  });
});

describe('custom properties in the docs', () => {
  // Every element reads every shared token (shared/tokens.ts) and those of its own styles.
  const tokens = (path: string) => new Set(read(path).match(/--sora-[a-z0-9-]+(?=[,)])/g) ?? []);
  it.each(elements)('$tag documents every --sora-* property it reads', ({ tag, folder }) => {
    const own = readdirSync(new URL(`../src/${folder}`, import.meta.url)).filter((file) =>
      file.includes('styles'),
    );
    const read_ = new Set([
      ...tokens('src/shared/tokens.ts'),
      ...own.flatMap((file) => [...tokens(`src/${folder}/${file}`)]),
    ]);
    const documented = new Set(declaration(tag)?.cssProperties?.map((property) => property.name));
    expect([...read_].filter((name) => !documented.has(name))).toEqual([]);
  });
});
