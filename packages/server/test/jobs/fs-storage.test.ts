import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { defaultStorage } from '../../src/defaults.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the default file storage never lets a reader see a half-written record', async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-fs-'));
  const storage = defaultStorage(dir);
  const big = (n: number) => ({ n, pad: 'x'.repeat(200_000) });
  await storage.setItem('sora:job:job_1', big(0));
  const torn: unknown[] = [];
  const writes = (async () => {
    for (let n = 1; n <= 40; n++) await storage.setItem('sora:job:job_1', big(n));
  })();
  const reads = (async () => {
    for (let i = 0; i < 400; i++) {
      const value = await storage.getItem<{ n: number; pad: string }>('sora:job:job_1');
      if (typeof value !== 'object' || value === null || value.pad.length !== 200_000) torn.push(value);
    }
  })();
  await Promise.all([writes, reads]);
  expect(torn).toEqual([]);
  expect(await storage.getItem('sora:job:job_1')).toMatchObject({ n: 40 });
  // No temp files left behind, and listings never show them.
  expect((await readdir(join(dir, 'jobs', 'sora', 'job'))).sort()).toEqual(['job_1']);
  expect(await storage.getKeys('sora')).toEqual(['sora:job:job_1']);
  await storage.dispose();
});

test('a value written by another instance over the same folder is read back at once, every time', async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-fs-'));
  const reader = defaultStorage(dir);
  const writer = defaultStorage(dir);
  // Same length every time, written back to back: only the file's identity tells them apart.
  for (let n = 0; n < 50; n++) {
    await writer.setItem('sora:job:job_1', { n: String(n).padStart(2, '0') });
    expect(await reader.getItem('sora:job:job_1')).toEqual({ n: String(n).padStart(2, '0') });
    expect(await reader.getItem('sora:job:job_1')).toEqual({ n: String(n).padStart(2, '0') });
  }
  await writer.removeItem('sora:job:job_1');
  expect(await reader.getItem('sora:job:job_1')).toBeNull();
  await Promise.all([reader.dispose(), writer.dispose()]);
});
