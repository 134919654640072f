// A create the server refuses (its rate limit, or a busy provider as `fake:rate_limit` makes it)
// shows at once why and for how long, counts down the server's Retry-After, unlocks the form when
// it ends, and never shows a row for a job that does not exist.
import { getStore, type Job } from '@sora-kit/core';
import { afterEach, describe, expect, test } from 'vitest';
import videoUrl from '../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import type { SoraPrompt } from '../src/prompt/sora-prompt.js';
import type { SoraStudio } from '../src/studio/sora-studio.js';
import { $, $$, mount, unmountAll, until } from './support/dom.js';
import { createStubServer } from './support/stub-server.js';

afterEach(unmountAll);

let endpoints = 0;

async function studioRefusing(status: number, code: string, retryAfterSeconds: number) {
  const endpoint = `http://refusals-${++endpoints}.test/api/sora`;
  const server = createStubServer({ videoUrl });
  server.refuse({ status, code, retryAfterSeconds });
  const store = getStore(endpoint, { fetch: server.fetch, crossTab: false });
  // Every list the store ever held: a placeholder row would show up here even for a moment.
  const seen: (readonly Job[])[] = [];
  const stop = store.jobs.subscribe((jobs) => seen.push(jobs));
  const studio = await mount<SoraStudio>('sora-studio', (el) => {
    el.endpoint = endpoint;
  });
  const prompt = $<SoraPrompt>(studio, 'sora-prompt');
  await until(() => store.capabilities.value !== null && store.history.value === 'ready');
  await prompt.updateComplete;
  const field = $<HTMLTextAreaElement>(prompt, 'textarea');
  field.value = 'A lighthouse in fog';
  field.dispatchEvent(new Event('input'));
  await prompt.updateComplete;
  return { server, store, studio, prompt, seen, stop };
}

describe('a refused create', () => {
  test.each([
    [429, 'rate_limited'],
    [503, 'upstream_unavailable'],
  ])(
    '%i %s: the reason and the server’s Retry-After show at once; the form unlocks when it ends',
    async (status, code) => {
      const { prompt, studio, store, seen, stop, server } = await studioRefusing(status, code, 2);
      $(prompt, '[part~="submit"]').click();
      // At once: no hidden retries behind "Sending…".
      await until(() => $$(prompt, '[part~="countdown"]').length === 1, 50);
      expect($(prompt, '[part~="error"]').dataset.code).toBe(code);
      expect($(prompt, '[part~="error"]').textContent).toMatch(/Wait for the countdown/);
      expect($(prompt, '[part~="countdown"]').textContent).toContain('2 s');
      expect($<HTMLButtonElement>(prompt, '[part~="submit"]').disabled).toBe(true);
      // No row, ever, for the job the server never accepted.
      const list = $<SoraJobList>(studio, 'sora-job-list');
      expect($$(list, 'li[part~="row"]')).toHaveLength(0);
      expect(seen.every((jobs) => jobs.length === 0)).toBe(true);
      // When the wait is over the person can send again, and this time it goes through.
      server.refuse(undefined);
      await until(() => $$(prompt, '[part~="countdown"]').length === 0, 400);
      await prompt.updateComplete;
      expect($<HTMLButtonElement>(prompt, '[part~="submit"]').disabled).toBe(false);
      $(prompt, '[part~="submit"]').click();
      await until(() => store.jobs.value.length === 1);
      stop();
      store.dispose();
    },
  );
});
