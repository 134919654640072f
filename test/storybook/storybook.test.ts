/**
 * The designers' Storybook works: every story of the static build renders its element (defined,
 * with content in its shadow root) and finishes (play functions included) with no console error,
 * no page error and no axe-core accessibility violation. Builds Storybook first when `storybook-static/` is missing (or when
 * `STORYBOOK_REBUILD=1`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { type StaticServer, serveStatic } from './static-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// axe-core, the engine of Storybook's a11y addon, run on every story as the addon's panel would.
const axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
const outDir = `${root}storybook-static`;

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

function ensureBuilt(): void {
  if (existsSync(`${outDir}/index.json`) && process.env.STORYBOOK_REBUILD !== '1') return;
  execFileSync('pnpm', ['build-storybook'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 10 * 60_000,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
}

function stories(): IndexEntry[] {
  if (!existsSync(`${outDir}/index.json`)) return [];
  const index = JSON.parse(readFileSync(`${outDir}/index.json`, 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/** Testing Library errors carry a whole DOM dump; the first line says what went wrong. */
function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}

/** What one story did in the page. */
interface Outcome {
  phase: string;
  defined: boolean;
  shadowChildren: number;
  errors: string[];
  /** axe-core's violations, as `impact rule (nodes)`. */
  violations: string[];
}

/** Runs axe-core on the story's root (it looks into open shadow roots). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: string): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      nodes: unknown[];
    }
    const { violations } = await axe.run('#storybook-root');
    return violations.map((violation) => `${violation.impact} ${violation.id} (${violation.nodes.length})`);
  });
}

async function visit(page: Page, base: string, entry: IndexEntry): Promise<Outcome> {
  const errors: string[] = [];
  // Stories tagged `network-errors` show a refused or failed request on purpose; the browser logs
  // those responses as errors, which is what the story is about.
  const expectsNetworkErrors = entry.tags?.includes('network-errors') ?? false;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium asks every page for /favicon.ico; Storybook's iframe has none.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (expectsNetworkErrors && text.startsWith('Failed to load resource')) return;
    errors.push(`console: ${firstLine(text)}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${firstLine(error.message)}`));
  const tag = entry.title.split('/').at(-1)!;
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`);
  // The story's render object reports its phase; wait until it has finished (or failed).
  await page.waitForFunction(
    () => {
      const preview = (
        window as unknown as { __STORYBOOK_PREVIEW__?: { storyRenders: { phase?: string }[] } }
      ).__STORYBOOK_PREVIEW__;
      const phase = preview?.storyRenders[0]?.phase;
      return phase === 'finished' || phase === 'completed' || phase === 'errored' || phase === 'aborted';
    },
    undefined,
    { timeout: 20_000 },
  );
  // Let pending requests settle, so late errors (a failed media load) are seen too. A bounded wait
  // on purpose: a story's event stream stays open, so no "every request done" event ever comes.
  await page.waitForTimeout(300);
  const state = await page.evaluate((name) => {
    const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { storyRenders: { phase?: string }[] } })
      .__STORYBOOK_PREVIEW__;
    const element = document.querySelector('#storybook-root')?.querySelector(name);
    return {
      phase: preview.storyRenders[0]?.phase ?? 'none',
      defined: customElements.get(name) !== undefined && element !== null,
      shadowChildren: element?.shadowRoot?.children.length ?? 0,
    };
  }, tag);
  return { ...state, errors, violations: await axeViolations(page) };
}

describe('storybook', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a story for each element', () => {
    const titles = new Set(stories().map((entry) => entry.title));
    expect([...titles].sort()).toEqual([
      'Elements/sora-job-list',
      'Elements/sora-player',
      'Elements/sora-prompt',
      'Elements/sora-studio',
    ]);
  });

  // Stories are listed only after the build above, so they are checked in one test; each failure names its story.
  it('renders every story without errors or accessibility violations', async () => {
    const all = stories();
    expect(all.length).toBeGreaterThan(20);
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const failures: string[] = [];
    for (const entry of all) {
      const page = await context.newPage();
      try {
        const outcome = await visit(page, server.url, entry);
        const problems = [
          ...(outcome.phase === 'finished' || outcome.phase === 'completed'
            ? []
            : [`phase ${outcome.phase}`]),
          ...(outcome.defined ? [] : ['element missing or not defined']),
          ...(outcome.shadowChildren > 0 ? [] : ['empty shadow root']),
          ...outcome.errors,
          ...outcome.violations.map((violation) => `a11y: ${violation}`),
        ];
        if (problems.length > 0) failures.push(`${entry.id}: ${problems.join('; ')}`);
      } catch (error) {
        failures.push(`${entry.id}: ${firstLine((error as Error).message)}`);
      } finally {
        await page.close();
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});
