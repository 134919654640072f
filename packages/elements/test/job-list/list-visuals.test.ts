// What a person sees of the list while things are not there yet: an empty bar at 0 %, a skeleton
// that can be made out on either theme.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SoraJobList } from '../../src/job-list/sora-job-list.js';
import type { SoraPlayer } from '../../src/player/sora-player.js';
import { $, $$, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, type FakeStore, makeJob } from '../support/fake-store.js';

let fake: FakeStore;

beforeEach(() => {
  fake = createFakeStore();
});
afterEach(unmountAll);

/** [r, g, b] in 0–1 of a computed colour (`rgb(…)` or `color(srgb …)`). */
function channels(color: string): number[] {
  const numbers = color.match(/[\d.]+/g)?.map(Number) ?? [];
  return color.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((n) => n / 255);
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = channels(color).map((c) =>
      c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('placeholders and progress', () => {
  test('a queued job at 0 % shows an empty bar, in the list and in the player', async () => {
    const job = makeJob({ jobId: 'job_q', status: 'queued', progress: 0 });
    fake.jobs.value = [job];
    const list = await mount<SoraJobList>('sora-job-list', (el) => {
      el.store = fake.store;
    });
    const player = await mount<SoraPlayer>('sora-player', (el) => {
      el.store = fake.store;
      el.jobId = 'job_q';
    });
    await until(() => $$(player, '[role="progressbar"]').length === 1);
    for (const host of [list, player]) {
      const fill = $(host, '[role="progressbar"] > span');
      expect(fill.getBoundingClientRect().width, host.localName).toBe(0);
    }
  });

  test.each(['light', 'dark'] as const)(
    'the loading skeleton stands out from the %s surface',
    async (theme) => {
      fake.history.value = 'loading';
      const el = await mount<SoraJobList>('sora-job-list', (l) => {
        l.store = fake.store;
        l.theme = theme;
      });
      const surface = document.createElement('span');
      surface.style.color = getComputedStyle(el).getPropertyValue('--_surface').trim();
      el.shadowRoot?.appendChild(surface);
      const block = getComputedStyle($(el, '.skeleton-thumb')).backgroundColor;
      expect(contrast(block, getComputedStyle(surface).color)).toBeGreaterThanOrEqual(1.25);
    },
  );
});
