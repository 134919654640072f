/**
 * CI proof of adoption: each example, copied out of the workspace and installed from the packed
 * tarballs with npm, builds, starts, completes one job on the fake and serves the video with a
 * Range request; the plain-HTML example also generates and plays a video in Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { copyExample, installAndBuild, packAll, type RunningApp, startApp } from './apps.js';

const ALL = ['express', 'html', 'nextjs', 'node-server', 'react-vite'];
/** `ADOPTION_EXAMPLES=nextjs,html` runs only those (while working on one); CI runs them all. */
const EXAMPLES = process.env.ADOPTION_EXAMPLES?.split(',').filter((name) => ALL.includes(name)) ?? ALL;
const FAKE_SECONDS = 2;

/** The parts of the contract's Job and MediaLink read here. */
interface Job {
  jobId: string;
  status: string;
}
interface MediaLink {
  url: string;
}

const dirs = new Map<string, Promise<string>>();

/** The example's installed and built copy (its install started in beforeAll). */
function dirOf(name: string): Promise<string> {
  const dir = dirs.get(name);
  if (!dir) throw new Error(`no copy of examples/${name}`);
  return dir;
}
let packDir: string;
/** Every copy made, installed or not, removed at the end. */
const copies: string[] = [];

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'sora-kit-adopt-pack-'));
  const tarballs = await packAll(packDir);
  // Installs and builds run side by side; each test waits for its own example.
  for (const name of EXAMPLES) {
    const dir = copyExample(name, tarballs).then(async (copy) => {
      copies.push(copy);
      await installAndBuild(copy);
      return copy;
    });
    dir.catch(() => {}); // reported by the test that awaits it
    dirs.set(name, dir);
  }
});

afterAll(async () => {
  await Promise.allSettled(dirs.values());
  await Promise.all(copies.map((copy) => rm(copy, { recursive: true, force: true })));
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

/** One job through the API as the page would make it, then the video with a Range request. */
async function completeOneJob(app: RunningApp): Promise<void> {
  const created = await fetch(`${app.url}/api/sora/videos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ prompt: 'A paper boat drifting down a rainy street' }),
  });
  expect(created.status, app.output()).toBe(202);
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let job = (await created.json()) as Job;
  const deadline = Date.now() + 60_000;
  while (job.status !== 'completed' && job.status !== 'failed' && Date.now() < deadline) {
    // A poll interval, as a page without SSE would poll: the app runs in another process (its
    // fake on the wall clock), and the loop ends as soon as the job settles.
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = (await (
      await fetch(`${app.url}/api/sora/videos/${job.jobId}`, { headers: { cookie } })
    ).json()) as Job;
  }
  expect(job.status, app.output()).toBe('completed');
  const link = (await (
    await fetch(`${app.url}/api/sora/videos/${job.jobId}/media`, { headers: { cookie } })
  ).json()) as MediaLink;
  const video = await fetch(new URL(link.url, `${app.url}/api/sora/`), { headers: { range: 'bytes=0-99' } });
  expect(video.status).toBe(206);
  expect(video.headers.get('content-type')).toBe('video/mp4');
  expect((await video.arrayBuffer()).byteLength).toBe(100);
}

describe.each(EXAMPLES)('examples/%s from tarballs', (name) => {
  it('installs, builds, starts and completes a job with a ranged video', async () => {
    const app = await startApp(await dirOf(name), FAKE_SECONDS);
    try {
      await completeOneJob(app);
    } finally {
      await app.stop();
    }
  });
});

describe.runIf(EXAMPLES.includes('html'))('examples/html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('generates a video through the page and plays it', async () => {
    const app = await startApp(await dirOf('html'), FAKE_SECONDS);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${app.url}/`);
      await page.locator('sora-prompt textarea').fill('A lighthouse at dusk');
      await page.locator('sora-prompt [part~="submit"]').click();
      const video = page.locator('sora-player video');
      await expect.poll(() => video.count(), { timeout: 60_000 }).toBe(1);
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(2);
      await video.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        return v.play();
      });
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
        .toBeGreaterThan(0.3);
      expect(errors).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
