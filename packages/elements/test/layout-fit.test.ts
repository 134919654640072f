// Things that looked broken at real sizes: Delete wrapping in the desktop's list column, a Size
// select wider than its neighbours, an empty pink box for failed rows, a bar behind its number.
import { afterEach, expect, test } from 'vitest';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import type { SoraPrompt } from '../src/prompt/sora-prompt.js';
import { $, mount, unmountAll, until } from './support/dom.js';
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

test.each([440, 421])(
  'in a %i px column a finished row keeps its actions, and its delete confirmation, on one line',
  async (width) => {
    const { store } = createFakeStore({
      jobs: [makeJob({ jobId: 'job_n', prompt: 'A lighthouse in a storm, waves crashing' })],
    });
    const host = column(width);
    try {
      const list = await mount<SoraJobList>(
        'sora-job-list',
        (el) => {
          el.store = store;
        },
        host,
      );
      const line = (parts: string[]) =>
        new Set(parts.map((part) => Math.round($(list, `[part~="${part}"]`).getBoundingClientRect().top)))
          .size;
      expect(line(['play', 'remix', 'reuse', 'delete'])).toBe(1);
      $(list, '[part~="delete"]').click();
      await list.updateComplete;
      expect(line(['confirm-delete', 'cancel-delete'])).toBe(1);
    } finally {
      host.remove();
    }
  },
);

test('a retried job says which attempt it is on, so its first "… ago" is not read as this one', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({ jobId: 'job_again', status: 'queued', progress: 0, attempts: 2 }),
      makeJob({ jobId: 'job_once' }),
    ],
  });
  const list = await mount<SoraJobList>('sora-job-list', (el) => {
    el.store = store;
  });
  const tags = (id: string) =>
    [...list.shadowRoot!.querySelectorAll(`li[data-job-id="${id}"] [part~="tag"]`)].map(
      (tag) => tag.textContent,
    );
  expect(tags('job_again')).toEqual(['Attempt 2']);
  expect(tags('job_once')).toEqual([]);
});

test('a moderated row offers to edit its prompt, as the player does', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({
        jobId: 'job_m',
        status: 'failed',
        progress: 30,
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      }),
    ],
  });
  const list = await mount<SoraJobList>('sora-job-list', (el) => {
    el.store = store;
  });
  expect($(list, '[part~="reuse"]').textContent?.trim()).toBe('Edit prompt');
});

test('on a phone the remix banner gives the source prompt the whole line and puts Cancel under it', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({
        jobId: 'job_src',
        prompt: 'A hummingbird hovering over a red flower, macro shot with shallow depth of field',
      }),
    ],
  });
  const host = column(342);
  try {
    const prompt = await mount<SoraPrompt>(
      'sora-prompt',
      (el) => {
        el.store = store;
        el.remixOf = 'job_src';
      },
      host,
    );
    await until(() => $(prompt, '[part~="remix-banner"] span').textContent?.includes('hummingbird') === true);
    const text = $(prompt, '[part~="remix-banner"] span').getBoundingClientRect();
    const cancel = $(prompt, '[part~="remix-cancel"]').getBoundingClientRect();
    expect(cancel.top).toBeGreaterThanOrEqual(text.bottom - 1);
    expect(text.height).toBeLessThan(80);
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
