/**
 * One writer for job state: only `jobs/job-state.ts` saves, inserts or removes job records and
 * publishes changes to watchers. Code elsewhere that did it itself could store a record without
 * its schedule entry, or without telling the event streams — the drift this rule exists to prevent.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
/** The writer itself, and the repository whose methods it calls. */
const ALLOWED = new Set(['jobs/job-state.ts', 'jobs/repository.ts']);
const WRITES = /\b(?:repo\.(?:save|insert|remove)|feed\.publish)\(/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(entry.name.endsWith('.ts') ? [path] : []);
    }),
  );
  return nested.flat();
}

test('only jobs/job-state.ts writes job records and publishes their changes', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles(src)) {
    const name = relative(src, file).split('\\').join('/');
    if (ALLOWED.has(name)) continue;
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (WRITES.test(line)) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
