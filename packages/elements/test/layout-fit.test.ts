// Things that looked broken at real sizes: Delete wrapping in the desktop's list column, a Size
// select wider than its neighbours, an empty pink box for failed rows, a bar behind its number.
import { afterEach, expect, test } from 'vitest';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import type { SoraPrompt } from '../src/prompt/sora-prompt.js';
import { $, mount, unmountAll } from './support/dom.js';
import { createFakeStore, makeJob } from './support/fake-store.js';

afterEach(unmountAll);

function column(width: number): HTMLElement {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  document.body.appendChild(box);
  return box;
}

test('in the 465 px list column of a desktop, a finished row keeps its actions on one line', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({
        jobId: 'job_r',
        remixOf: 'job_0',
        prompt: 'A long prompt about a paper boat on a rainy street',
      }),
    ],
  });
  const host = column(465);
  try {
    const list = await mount<SoraJobList>(
      'sora-job-list',
      (el) => {
        el.store = store;
      },
      host,
    );
    const tops = ['play', 'remix', 'reuse', 'delete'].map(
      (part) => $(list, `[part~="${part}"]`).getBoundingClientRect().top,
    );
    expect(new Set(tops.map(Math.round)).size).toBe(1);
  } finally {
    host.remove();
  }
});

test('a failed row shows a sign in its tile, not an empty box', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({
        jobId: 'job_f',
        status: 'failed',
        progress: 0,
        error: { code: 'upstream_failed', message: 'x', retryable: true },
      }),
    ],
  });
  const list = await mount<SoraJobList>('sora-job-list', (el) => {
    el.store = store;
  });
  const tile = $(list, 'li[data-job-id="job_f"] [part~="thumbnail"]');
  expect(tile.querySelector('svg')).not.toBeNull();
  // Not the error surface (#fef3f2 in the light theme): the row's message says what went wrong.
  expect(getComputedStyle(tile).backgroundColor).not.toBe('rgb(254, 243, 242)');
});

test('the progress bar is drawn where its number says, at once', async () => {
  const fake = createFakeStore({ jobs: [makeJob({ jobId: 'job_p', status: 'in_progress', progress: 38 })] });
  const list = await mount<SoraJobList>('sora-job-list', (el) => {
    el.store = fake.store;
  });
  // The bar is on screen at 38 % (its style computed) before the next event moves it.
  $(list, '[part~="progress"] > span').getBoundingClientRect();
  fake.jobs.value = [makeJob({ jobId: 'job_p', status: 'in_progress', progress: 47 })];
  await list.updateComplete;
  const track = $(list, '[part~="progress"]').getBoundingClientRect();
  const bar = $(list, '[part~="progress"] > span').getBoundingClientRect();
  expect(Math.round(((bar.width + 2) / track.width) * 100)).toBeGreaterThanOrEqual(46);
  expect($(list, '.percent').textContent).toContain('47');
});

test('model, size and length selects are equally wide, on a desktop and on a phone', async () => {
  for (const width of [1200, 358]) {
    const host = column(width);
    try {
      const prompt = await mount<SoraPrompt>(
        'sora-prompt',
        (el) => {
          el.store = createFakeStore().store;
        },
        host,
      );
      const widths = ['model', 'size', 'seconds'].map((n) =>
        Math.round($(prompt, `select[name="${n}"]`).getBoundingClientRect().width),
      );
      expect({ width, equal: Math.max(...widths) - Math.min(...widths) <= 1 }).toEqual({
        width,
        equal: true,
      });
    } finally {
      host.remove();
    }
  }
});
