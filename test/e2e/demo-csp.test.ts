// The demo page under its security headers, in Chromium: the strict CSP is on, and a person can
// still make a video, watch it and hover its timeline — with no CSP violation reported.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { type RunningDemo, startDemo } from './demo-process.js';

let browser: Browser;
let demo: RunningDemo;
let dataDir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-csp-'));
  demo = await startDemo({ SORA_KIT_DATA_DIR: dataDir, SORA_KIT_FAKE_SECONDS: '4' });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo page under its security headers', () => {
  test('sends a strict CSP, nosniff, no framing and a referrer policy', async () => {
    const res = await fetch(`${demo.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    // The page itself has no inline script for the policy to allow.
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  test('a person makes and plays a video with the CSP on, and no violation is reported', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
    await page.goto(`${demo.url}/`);
    await page.locator('sora-prompt textarea').fill('A lighthouse at dawn, waves below');
    await page.locator('sora-prompt [part~="submit"]').click();
    // Progress bars and aspect ratios are set through style bindings: the policy must allow them.
    await expect
      .poll(() => page.locator('sora-job-list [role="progressbar"]').count(), { timeout: 10_000 })
      .toBe(1);
    const video = page.locator('sora-player video');
    await expect.poll(() => video.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    await page.locator('sora-player').hover();
    expect(violations).toEqual([]);
    await page.close();
  });
});
