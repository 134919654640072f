/**
 * `@sora-kit/server/testing` in a real browser: Vite serves the sources to Debian's Chromium the
 * way Storybook does, and the page runs the fake with the official SDK and the fixture media.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../../test/chromium.js';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sampleMedia = fileURLToPath(new URL('../../../../sample-media/', import.meta.url));
const PAGE =
  '<!doctype html><meta charset="utf-8"><script type="module" src="/test/providers/fake/browser-entry.ts"></script>';

describe('@sora-kit/server/testing in Chromium', () => {
  let vite: ViteDevServer;
  beforeAll(async () => {
    vite = await createServer({
      root: packageRoot,
      configFile: false,
      logLevel: 'error',
      cacheDir: join(tmpdir(), 'sora-kit-fake-browser-vite'),
      resolve: {
        alias: {
          '@sora-kit/server/testing': `${packageRoot}src/testing.ts`,
          '@sora-kit/sample-media': `${sampleMedia}src/index.ts`,
        },
      },
      // The sample clips, served at /media/ as Storybook serves them at /sora-kit-media/.
      publicDir: false,
      // Crawl the entry up front: discovering dependencies mid-load would make Vite reload the page.
      optimizeDeps: { entries: ['test/providers/fake/browser-entry.ts'] },
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
      plugins: [
        {
          name: 'fake-check-page',
          configureServer(server) {
            server.middlewares.use('/media/', (req, res) => {
              const file = `${sampleMedia}media/${decodeURIComponent((req.url ?? '').split('?')[0] ?? '')}`;
              readFile(file).then(
                (bytes) => res.end(bytes),
                () => {
                  res.statusCode = 404;
                  res.end();
                },
              );
            });
            server.middlewares.use('/fake-check.html', (_req, res) => {
              res.setHeader('content-type', 'text/html');
              res.end(PAGE);
            });
          },
        },
      ],
    });
    await vite.listen();
  }, 120_000);
  afterAll(async () => {
    await vite?.close();
  });

  it('creates, completes and downloads a real MP4 in the page', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${vite.resolvedUrls?.local[0] ?? ''}fake-check.html`);
      await page.waitForFunction(() => (window as { fakeCheck?: unknown }).fakeCheck, null, {
        timeout: 30_000,
      });
      const result = await page.evaluate(() => (window as { fakeCheck?: unknown }).fakeCheck);
      expect(errors).toEqual([]);
      expect(result).toEqual({ status: 'completed', contentType: 'video/mp4', box: 'ftyp', handlers: 1 });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
