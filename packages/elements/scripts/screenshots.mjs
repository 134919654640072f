// Screenshots of every state of the elements at phone (390px), tablet (720px) and desktop (1280px) widths, into
// test/__screenshots__/ (gitignored), for a person to look at. Uses Debian's Chromium.
//   node packages/elements/scripts/screenshots.mjs [state-filter]
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { minifyCss } from './minify-css.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('../test/__screenshots__/');
const filter = process.argv[2] ?? '';

const bundle = await build({
  entryPoints: [here('../test/harness/main.ts')],
  bundle: true,
  format: 'esm',
  write: false,
  target: 'es2022',
  alias: { '@sora-kit/core': here('../../core/src/index.ts') },
  // As published: the css`…` templates minified.
  plugins: [minifyCss()],
  logLevel: 'silent',
});
const script = bundle.outputFiles[0].text;
const source = await readFile(here('../test/support/states.ts'), 'utf8');
const names = [...source.matchAll(/^ {2}'([a-z-]+)': async/gm)]
  .map((m) => m[1])
  .filter((n) => n.includes(filter));

const types = { '.mp4': 'video/mp4', '.jpg': 'image/jpeg' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/app.js')
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  if (url.pathname.startsWith('/media/')) {
    const file = here(
      `../../sample-media/media/${url.pathname
        .slice(7)
        .replace(/[^\w./-]/g, '')
        .replace(/\.\.+/g, '')}`,
    );
    try {
      return res
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(await readFile(file));
    } catch {
      return res.writeHead(404).end();
    }
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>sora-kit states</title><body><script type="module" src="/app.js"></script></body></html>',
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
});
for (const [label, width, height] of [
  ['phone', 390, 844],
  ['tablet', 720, 900],
  ['desktop', 1280, 900],
]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({
      viewport: { width, height },
      colorScheme: scheme,
      reducedMotion: 'reduce',
    });
    for (const name of names) {
      if (scheme === 'dark' && name !== 'studio-every-row') continue;
      await page.goto(`${base}#${name}`);
      await page.reload();
      await page.waitForSelector('body[data-ready], body[data-error]');
      const error = await page.getAttribute('body', 'data-error');
      if (error) console.error(`${name}: ${error}`);
      await page.waitForTimeout(300);
      const file = `${out}${name}${scheme === 'dark' ? '-system-dark' : ''}-${label}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
server.close();
