import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import { copyAssets } from '../../src/media/copy.js';
import { fixture } from './helpers.js';
import { largeVideoProvider } from './large-stream.js';

const TOTAL = 200 * 1024 * 1024;
const BOUND = 64 * 1024 * 1024;
let dir = '';
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

/** The same as running node with --expose-gc, for stable figures inside the test worker. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('copyAssets memory', () => {
  it('copies a 200 MB video into fsBlobs while memory grows by less than 64 MB', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sora-copy-memory-'));
    const clip = new Uint8Array(await readFile(fixture('faststart-160x90-2s.mp4')));
    const gc = exposeGc();
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    // Collect before each sample: the figure is what the copy holds on to, not garbage not yet swept.
    const sample = () => {
      gc();
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    };
    const provider = largeVideoProvider({ clip, totalBytes: TOTAL, onSample: sample });
    const asset = await copyAssets({
      provider,
      blobs: fsBlobs(dir),
      providerVideoId: 'v',
      jobId: 'job_big',
      variants: ['video'],
    });
    sample();
    expect(asset).toMatchObject({ bytes: TOTAL, width: 160, height: 90, seconds: 2, variants: ['video'] });
    const rssGrowth = peakRss - before.rss;
    const bufferGrowth = peakBuffers - before.arrayBuffers;
    console.log(
      `copy of ${TOTAL / 2 ** 20} MB: peak RSS growth ${(rssGrowth / 2 ** 20).toFixed(1)} MB, ` +
        `peak arrayBuffers growth ${(bufferGrowth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(rssGrowth).toBeLessThan(BOUND);
    expect(bufferGrowth).toBeLessThan(BOUND);
  });
});
