/**
 * Storage that cannot be written answers 503 `unavailable` with Retry-After and one log line
 * naming the cause; temp files left by a killed write are swept at start, fresh ones are kept.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import { jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

let h: Harness | undefined;
let locked: string | undefined;

/** Makes `dir` unwritable, even for root (who ignores permission bits): immutable when root. */
function lock(dir: string): void {
  locked = dir;
  if (process.getuid?.() === 0) execFileSync('chattr', ['+i', dir]);
  else chmodSync(dir, 0o555);
}

afterEach(async () => {
  if (locked) {
    if (process.getuid?.() === 0) execFileSync('chattr', ['-i', locked]);
    else chmodSync(locked, 0o755);
    locked = undefined;
  }
  await h?.close();
  h = undefined;
});

const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000);

describe('storage write failures', () => {
  it('a read-only data dir answers 503 unavailable with Retry-After, logged once with its cause', async () => {
    h = createHarness({ limits: false, quotas: false });
    const jobs = join(h.dataDir, 'jobs');
    mkdirSync(jobs, { recursive: true });
    lock(jobs);
    const res = await jarClient(h.app).json('/videos', { prompt: 'nowhere to keep it' });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    const lines = h.logs.filter((l) => l.level === 'error');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toBe('storage write failed');
    expect(String(lines[0]?.fields?.cause)).toMatch(/^(EPERM|EACCES|EROFS): /);
    expect(h.logs.some((l) => l.message === 'unhandled error')).toBe(false);
  });
});

describe('abandoned temp files', () => {
  it('fsBlobs removes old .partial files at start and keeps fresh ones and real blobs', async () => {
    h = createHarness();
    const dir = join(h.root, 'blobs', 'job_x');
    mkdirSync(dir, { recursive: true });
    const old = join(dir, '.0b7e2a4c-59a1-4c1e-9a57-3f0f5c8e9d11.partial');
    const oldMeta = `${old}.meta`;
    const fresh = join(dir, '.1c8f3b5d-6ab2-4d2f-8b68-4a1a6d9fae22.partial');
    const blob = join(dir, 'video.mp4');
    for (const file of [old, oldMeta, fresh, blob]) writeFileSync(file, 'x');
    for (const file of [old, oldMeta, blob]) utimesSync(file, twoHoursAgo(), twoHoursAgo());
    fsBlobs(join(h.root, 'blobs'));
    await expect.poll(() => existsSync(old) || existsSync(oldMeta)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(blob)).toBe(true);
  });

  it('the default storage removes old temp records left by a killed write', async () => {
    h = createHarness({ limits: false, quotas: false });
    const dir = join(h.dataDir, 'jobs', 'jobs');
    mkdirSync(dir, { recursive: true });
    const old = join(dir, '.job_x.json.0b7e2a4c-59a1-4c1e-9a57-3f0f5c8e9d11.tmp');
    writeFileSync(old, '{');
    utimesSync(old, twoHoursAgo(), twoHoursAgo());
    expect((await jarClient(h.app).request('/videos')).status).toBe(200); // storage opened
    await expect.poll(() => existsSync(old)).toBe(false);
  });
});
