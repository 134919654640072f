// End to end: the demo as a person meets it. Type a prompt, submit, watch the progress rise, see
// the job complete and the video really play at the job's size.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { type RunningDemo, startDemo } from './demo-process.js';

const artifacts = fileURLToPath(new URL('../../artifacts/', import.meta.url));

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  await mkdir(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function progressValues(page: Page): Promise<number[]> {
  return page
    .locator('sora-job-list [role="progressbar"]')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('aria-valuenow'))));
}

describe.each(['openai', 'openrouter'])('the demo on the %s fake', (provider) => {
  let demo: RunningDemo;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-e2e-'));
    demo = await startDemo({
      SORA_KIT_DATA_DIR: dataDir,
      SORA_KIT_FAKE_SECONDS: '8',
      SORA_KIT_PROVIDER: provider,
    });
  });

  afterAll(async () => {
    await demo?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a person types a prompt, watches it progress and plays the finished video', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(demo.url + '/');

    const prompt = page.locator('sora-prompt textarea');
    await prompt.fill('A paper boat drifting down a rainy street at dusk');
    await page.locator('sora-prompt [part~="submit"]').click();

    // The job appears at once and its progress rises before it completes.
    await expect
      .poll(() => page.locator('sora-job-list [role="progressbar"]').count(), { timeout: 10_000 })
      .toBe(1);
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          for (const value of await progressValues(page)) seen.add(value);
          return [...seen].some((value) => value > 0 && value < 100);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);

    // Completed: the player plays our own copy at the job's size.
    const video = page.locator('sora-player video');
    await expect.poll(() => video.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    const size = await video.evaluate((v: HTMLVideoElement) => ({
      width: v.videoWidth,
      height: v.videoHeight,
    }));
    const job = await page.evaluate(async () => {
      const response = await fetch('/api/sora/videos');
      return (await response.json()).items[0];
    });
    expect(job.status).toBe('completed');
    expect(`${size.width}x${size.height}`).toBe(job.size);

    // The finished row's buttons (Play, Remix where the model can, Reuse prompt, Delete) keep one
    // line in the page's list column at desktop width.
    const row = page.locator('sora-job-list li').first();
    const tops = await row
      .locator('[part~="actions"] button')
      .evaluateAll((buttons) =>
        buttons.map(
          (b) =>
            `${b.textContent?.trim() || b.getAttribute('aria-label')}@${Math.round(b.getBoundingClientRect().top)} w${Math.round(b.getBoundingClientRect().width)} p${Math.round(b.parentElement?.getBoundingClientRect().width ?? 0)}`,
        ),
      );
    expect(new Set(tops.map((t) => t.split('@')[1]?.split(' ')[0])).size, tops.join(', ')).toBe(1);

    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    const start = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(start + 0.3);

    await page.screenshot({ path: join(artifacts, `e2e-demo-${provider}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
});
