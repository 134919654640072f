// Screenshots of the demo page (examples/node-server) in every state a person meets — empty,
// running, completed, failed, moderated, rate-limited, with a reference image, and dark — at
// 1280 and 390 px, into artifacts/screenshots/. Starts the demo on the fake provider with a fresh
// data dir and drives it in Debian's Chromium as a person would. Run after `pnpm build`; CI runs it
// and keeps the folder as an artifact.
//   node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'artifacts/screenshots');
const reference = join(root, 'packages/sample-media/media/dawn/thumbnail-1280x720.jpg');
const WIDTHS = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
];

/** A free TCP port on localhost. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the demo and resolves once it listens; the child is killed on exit. */
async function startDemo(port, dataDir) {
  const child = spawn(process.execPath, [join(root, 'examples/node-server/server.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SORA_KIT_DATA_DIR: dataDir,
      SORA_KIT_FAKE_SECONDS: '6',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('exit', () => child.kill());
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('http://')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the demo exited (${code}) before listening`)));
  });
  return child;
}

const port = await freePort();
const dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-screenshots-'));
const demo = await startDemo(port, dataDir);
const base = `http://127.0.0.1:${port}/`;
await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
});
const shots = [];

try {
  for (const [label, width, height] of WIDTHS) {
    // A fresh context is a fresh anonymous session: an empty gallery.
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${label}: page error: ${error.message}`));
    const shot = async (state) => {
      await page.waitForTimeout(250); // fonts and images settle; no assertion depends on it
      const file = join(out, `${state}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };
    const send = async (prompt) => {
      await page.locator('sora-prompt textarea').fill(prompt);
      await page.locator('sora-prompt button[part~="submit"]').click();
    };
    const row = (prompt) => page.locator('sora-job-list li[part~="row"]', { hasText: prompt });

    await page.goto(base);
    await page.locator('sora-job-list [part~="empty"]').waitFor();
    await shot('empty');

    await send('A paper boat drifting down a rainy street at dusk, close-up, soft light');
    await page.locator('sora-job-list li[data-status="in_progress"]').waitFor();
    await shot('running');
    await page.locator('sora-job-list li[data-status="completed"]').waitFor({ timeout: 30_000 });
    await page.locator('sora-player video').waitFor();
    await shot('completed');

    await send('fake:failed Northern lights rippling over a frozen lake');
    await row('Northern lights').and(page.locator('[data-status="failed"]')).waitFor({ timeout: 30_000 });
    await row('Northern lights').locator('button[part~="row-button"]').click();
    await shot('failed');

    await send('fake:moderation_blocked A famous actor waving from a red carpet');
    await row('famous actor').and(page.locator('[data-status="failed"]')).waitFor({ timeout: 30_000 });
    await row('famous actor').locator('button[part~="row-button"]').click();
    await shot('moderated');

    await send('fake:rate_limit Neon koi circling in a midnight pond');
    await page.locator('sora-prompt [part~="countdown"]').waitFor();
    await shot('rate-limited');

    await page.locator('sora-prompt textarea').fill('Bring this sunrise to life, slow push-in');
    await page.locator('sora-prompt input[type="file"]').setInputFiles(reference);
    await page.locator('sora-prompt [part~="reference-preview"]').waitFor();
    await shot('reference-image');

    // The same session in a dark system theme.
    const dark = await context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await dark.goto(base);
    await dark.locator('sora-player video').waitFor();
    await dark.waitForTimeout(250);
    const file = join(out, `dark-${width}.png`);
    await dark.screenshot({ path: file, fullPage: true });
    shots.push(file);
    await context.close();
  }
} finally {
  await browser.close();
  demo.kill();
  await rm(dataDir, { recursive: true, force: true });
}
for (const file of shots) console.log(file);
