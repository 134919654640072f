import { isPendingJob, SoraApiError } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SoraJobList } from '../../src/job-list/sora-job-list.js';
import { $, $$, axeViolations, collect, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, type FakeStore, makeJob } from '../support/fake-store.js';

let fake: FakeStore;
const PENDING = 'pending_';
const NOW = Date.parse('2026-11-24T10:05:00.000Z');

beforeEach(() => {
  fake = createFakeStore();
});
afterEach(unmountAll);

const mountList = (setup: (el: SoraJobList) => void = () => undefined) =>
  mount<SoraJobList>('sora-job-list', (el) => {
    el.store = fake.store;
    el.now = () => NOW;
    setup(el);
  });

const rows = (el: SoraJobList) => $$(el, 'li[part~="row"]');

function someJobs() {
  return [
    makeJob({ jobId: 'job_c', prompt: 'Third, in progress', status: 'in_progress', progress: 42 }),
    makeJob({ jobId: 'job_b', prompt: 'Second, completed' }),
    makeJob({
      jobId: 'job_a',
      prompt: 'First, failed',
      status: 'failed',
      progress: 30,
      error: { code: 'upstream_failed', message: 'The provider failed.', retryable: true },
    }),
  ];
}

describe('<sora-job-list>', () => {
  test('shows a loading skeleton, then the empty state (replaceable by a slot)', async () => {
    fake.history.value = 'loading';
    const el = await mountList();
    expect($$(el, '[part~="skeleton"]')).toHaveLength(1);
    expect($$(el, '[role="progressbar"]')).toHaveLength(0);
    expect(await axeViolations(el)).toEqual([]);
    fake.history.value = 'ready';
    await el.updateComplete;
    expect($(el, '[part~="empty"]').textContent).toContain('No videos yet');
    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Nothing here, start above';
    el.appendChild(custom);
    const slot = $<HTMLSlotElement>(el, 'slot[name="empty"]');
    expect(slot.assignedElements()).toEqual([custom]);
    expect(await axeViolations(el)).toEqual([]);
  });

  test('a failed load shows an error with a retry that loads again', async () => {
    fake.history.value = 'error';
    fake.historyError.value = new SoraApiError({ status: 0, code: 'network_error', message: 'offline' });
    const el = await mountList();
    expect($(el, '[part~="error"]').textContent).toContain('could not be loaded');
    const before = fake.callsOf('load').length;
    $(el, '[part~="retry-load"]').click();
    expect(fake.callsOf('load').length).toBe(before + 1);
    expect(await axeViolations(el)).toEqual([]);
  });

  test('rows show status, progress, details and relative time, newest first', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    expect(rows(el).map((r) => r.dataset.jobId)).toEqual(['job_c', 'job_b', 'job_a']);
    const bar = $(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-label')).toContain('Third, in progress');
    const meta = $(el, 'li[data-job-id="job_b"] [part~="meta"]').textContent ?? '';
    expect(meta).toContain('Ready');
    expect(meta).toContain('sora-2');
    expect(meta).toContain('1280×720 · Landscape');
    expect(meta).toContain('4 seconds');
    expect(meta).toContain('5 minutes ago');
    expect($(el, 'li[data-job-id="job_a"] [part~="row-error"]').textContent).toContain(
      'The video service could not make this video',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  test('a prompt holding markup is shown as text', async () => {
    fake.jobs.value = [
      makeJob({ jobId: 'job_x', prompt: '<img src=x onerror="window.__pwned=1"><b>bold</b>' }),
    ];
    const el = await mountList();
    const title = $(el, '[part~="row-button"]');
    expect(title.textContent?.trim()).toBe('<img src=x onerror="window.__pwned=1"><b>bold</b>');
    expect(title.querySelector('img, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('live updates move the progress bar and announce the completion', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_1', prompt: 'A comet', status: 'in_progress', progress: 10 })];
    const el = await mountList();
    fake.upsert(makeJob({ jobId: 'job_1', prompt: 'A comet', status: 'in_progress', progress: 70 }));
    await el.updateComplete;
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('70');
    fake.upsert(makeJob({ jobId: 'job_1', prompt: 'A comet' }));
    await el.updateComplete;
    expect($$(el, '[role="progressbar"]')).toHaveLength(0);
    expect($(el, '[role="status"]').textContent).toContain('“A comet”: Ready');
  });

  test('completed rows get a thumbnail, and fall back to a placeholder when it fails', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_ok' }), makeJob({ jobId: 'job_bad' })];
    fake.behaviour.mediaLink = async (jobId) => {
      if (jobId === 'job_bad') throw new SoraApiError({ status: 409, code: 'not_ready', message: 'no' });
      return {
        url: `data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==`,
        expiresAt: '2026-11-24T11:00:00Z',
      };
    };
    const el = await mountList();
    await until(() => $$(el, 'li[data-job-id="job_ok"] img').length === 1);
    expect(fake.callsOf('mediaLink')[0]?.args[1]).toEqual({ variant: 'thumbnail' });
    expect($$(el, 'li[data-job-id="job_bad"] img')).toHaveLength(0);
    expect($$(el, 'li[data-job-id="job_bad"] [part~="thumbnail"]')).toHaveLength(1);
  });

  test('actions: retry only for retryable failures, remix and reuse fire events', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    expect($$(el, 'li[data-job-id="job_c"] [part~="retry"]')).toHaveLength(0);
    expect($$(el, 'li[data-job-id="job_c"] [part~="remix"]')).toHaveLength(0);
    $(el, 'li[data-job-id="job_a"] [part~="retry"]').focus();
    await userEvent.keyboard('{Enter}');
    await until(() => fake.callsOf('retry').length === 1);
    expect(fake.callsOf('retry')[0]?.args).toEqual(['job_a']);
    // The Retry button leaves with the failure; focus lands on the row, not the page.
    await until(
      () => (el.shadowRoot?.activeElement as HTMLElement | null)?.closest('li')?.dataset.jobId === 'job_a',
    );
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).toBe('row-button');

    const remixes = collect(document, 'sora-job-remix');
    const reuses = collect(document, 'sora-prompt-reuse');
    $(el, 'li[data-job-id="job_b"] [part~="remix"]').click();
    $(el, 'li[data-job-id="job_b"] [part~="reuse"]').click();
    expect(remixes[0]?.detail.jobId).toBe('job_b');
    expect(reuses[0]?.detail.prompt).toBe('Second, completed');

    // Rows repeat the same buttons: a screen reader hears which video each one is about.
    const remove = $(el, 'li[data-job-id="job_b"] [part~="delete"]');
    const about = el.shadowRoot?.getElementById(remove.getAttribute('aria-describedby') ?? '');
    expect(about?.textContent).toBe('Second, completed');
  });

  test('a retry that ends after the person moved on leaves their focus where it is', async () => {
    fake.jobs.value = someJobs();
    let finish: () => void = () => undefined;
    const answered = fake.behaviour.retry;
    fake.behaviour.retry = (jobId) =>
      new Promise((resolve) => {
        finish = () => resolve(answered(jobId));
      });
    const el = await mountList();
    const elsewhere = document.createElement('input');
    document.body.appendChild(elsewhere);
    try {
      $(el, 'li[data-job-id="job_a"] [part~="retry"]').click();
      await until(() => fake.callsOf('retry').length === 1);
      elsewhere.focus();
      finish();
      await until(() => $$(el, 'li[data-job-id="job_a"] [part~="retry"]').length === 0);
      await el.updateComplete;
      expect(document.activeElement).toBe(elsewhere);
    } finally {
      elsewhere.remove();
    }
  });

  test('delete asks inline first, then removes and focuses the next row', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    const deleted = collect(document, 'sora-job-deleted');
    $(el, 'li[data-job-id="job_b"] [part~="delete"]').click();
    await el.updateComplete;
    expect($(el, 'li[data-job-id="job_b"] [part~="confirm"]').textContent).toContain('Delete this video?');
    expect(fake.callsOf('remove')).toHaveLength(0);
    expect(await axeViolations(el)).toEqual([]);

    expect(el.shadowRoot?.activeElement?.getAttribute('part')).toContain('cancel-delete');
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect($$(el, '[part~="confirm"]')).toHaveLength(0);
    // Back on the Delete button the person started from.
    await until(() => el.shadowRoot?.activeElement?.getAttribute('part') === 'action delete');

    $(el, 'li[data-job-id="job_b"] [part~="delete"]').click();
    await el.updateComplete;
    $(el, 'li[data-job-id="job_b"] [part~="confirm-delete"]').click();
    await until(() => deleted.length === 1);
    await el.updateComplete;
    expect(rows(el).map((r) => r.dataset.jobId)).toEqual(['job_c', 'job_a']);
    const focused = el.shadowRoot?.activeElement as HTMLElement;
    expect(focused.closest('li')?.dataset.jobId).toBe('job_a');
  });

  test('deleting the last video leaves focus on the empty state, not the page', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_only' })];
    const el = await mountList();
    $(el, 'li[data-job-id="job_only"] [part~="delete"]').click();
    await el.updateComplete;
    $(el, 'li[data-job-id="job_only"] [part~="confirm-delete"]').click();
    await until(() => $$(el, '[part~="empty"]').length === 1);
    await until(() => el.shadowRoot?.activeElement === $(el, '[part~="empty"]'));
    expect(document.activeElement).toBe(el);
  });

  test('a failed delete puts the row back', async () => {
    fake.jobs.value = someJobs();
    fake.behaviour.remove = async () => {
      throw new SoraApiError({ status: 500, code: 'internal', message: 'Server error' });
    };
    const el = await mountList();
    $(el, 'li[data-job-id="job_b"] [part~="delete"]').click();
    await el.updateComplete;
    $(el, 'li[data-job-id="job_b"] [part~="confirm-delete"]').click();
    await until(() => fake.callsOf('remove').length === 1);
    await until(() => rows(el).length === 3);
    await until(() => $$(el, 'li[data-job-id="job_b"] [part~="action-error"]').length === 1);
    expect($(el, 'li[data-job-id="job_b"] [part~="action-error"]').textContent).toContain(
      'Something went wrong on our side',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  test('arrow keys, Home and End move between rows; Enter selects and reflects the selection', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    const selected = collect(document, 'sora-job-select');
    const focusedId = () =>
      (el.shadowRoot?.activeElement as HTMLElement | null)?.closest('li')?.dataset.jobId;
    $(el, '[part~="row-button"][data-index="0"]').focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(focusedId()).toBe('job_b');
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(focusedId()).toBe('job_a');
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(focusedId()).toBe('job_c');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await el.updateComplete;
    expect(selected.at(-1)?.detail.jobId).toBe('job_b');
    expect(el.getAttribute('selected')).toBe('job_b');
    expect($$(el, '[part~="row-button"]').map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
  });

  test('a job still being sent shows its progress but offers no actions yet', async () => {
    expect(isPendingJob({ jobId: `${PENDING}1` })).toBe(true);
    fake.jobs.value = [makeJob({ jobId: `${PENDING}1`, status: 'queued', progress: 0 })];
    const el = await mountList();
    expect($$(el, '[role="progressbar"]')).toHaveLength(1);
    expect($$(el, '[part~="action"]')).toHaveLength(0);
  });

  test('says so while the connection is lost, and stops once it is back', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    expect($$(el, '[part~="offline"]')).toHaveLength(0);
    fake.connection.value = 'offline';
    await el.updateComplete;
    expect($(el, '[part~="offline"]').textContent).toContain('offline');
    expect(await axeViolations(el)).toEqual([]);
    fake.connection.value = 'live';
    await el.updateComplete;
    expect($$(el, '[part~="offline"]')).toHaveLength(0);
  });

  test('the focused row keeps its focus and tab stop when a new job arrives above it', async () => {
    fake.jobs.value = someJobs();
    const el = await mountList();
    $(el, 'li[data-job-id="job_b"] [part~="row-button"]').click();
    $(el, 'li[data-job-id="job_b"] [part~="row-button"]').focus();
    fake.upsert(makeJob({ jobId: 'job_new', prompt: 'Just created', status: 'queued', progress: 0 }));
    await el.updateComplete;
    expect(rows(el)[0]?.dataset.jobId).toBe('job_new');
    const focused = el.shadowRoot?.activeElement as HTMLElement;
    expect(focused.closest('li')?.dataset.jobId).toBe('job_b');
    expect(focused.tabIndex).toBe(0);
    expect($(el, 'li[data-job-id="job_new"] [part~="row-button"]').tabIndex).toBe(-1);
  });

  test('load more appears when there are more pages', async () => {
    fake.jobs.value = someJobs();
    fake.hasMore.value = true;
    const el = await mountList();
    $(el, '[part~="load-more"]').click();
    expect(fake.callsOf('loadMore')).toHaveLength(1);
    fake.hasMore.value = false;
    await el.updateComplete;
    expect($$(el, '[part~="load-more"]')).toHaveLength(0);
  });

  test('holds live updates while on the page and releases them and its timer when removed', async () => {
    const el = await mountList();
    expect(fake.holders).toBe(1);
    expect(el.ticking).toBe(true);
    el.remove();
    expect(fake.holders).toBe(0);
    expect(el.ticking).toBe(false);
  });

  test('dark theme passes axe with every kind of row', async () => {
    fake.jobs.value = [
      ...someJobs(),
      makeJob({
        jobId: 'job_m',
        prompt: 'refused',
        status: 'failed',
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      }),
      makeJob({ jobId: 'job_q', status: 'queued', progress: 0 }),
    ];
    const el = await mountList((l) => {
      l.theme = 'dark';
      l.selected = 'job_b';
    });
    expect($(el, 'li[data-job-id="job_m"] [part~="row-error"]').textContent).toContain('Edit it');
    expect(await axeViolations(el)).toEqual([]);
  });
});
