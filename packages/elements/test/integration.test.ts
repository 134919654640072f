// The elements on the real job store (getStore), with only the network stubbed: a person types a
// prompt in the studio, the job shows up with progress, live events move it, and it plays.
import { createSoraClient, getStore } from '@sora-kit/core';
import { afterEach, expect, test } from 'vitest';
import videoUrl from '../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import type { SoraPlayer } from '../src/player/sora-player.js';
import type { SoraPrompt } from '../src/prompt/sora-prompt.js';
import type { SoraStudio } from '../src/studio/sora-studio.js';
import { $, $$, mount, unmountAll, until } from './support/dom.js';
import { makeJob } from './support/fake-store.js';
import { createStubServer } from './support/stub-server.js';

afterEach(unmountAll);

test('the studio on the shared store of its endpoint: create, watch progress live, play', async () => {
  const endpoint = 'http://sora.test/api/sora';
  const server = createStubServer({ videoUrl });
  const store = getStore(endpoint, { fetch: server.fetch, crossTab: false });
  const studio = await mount<SoraStudio>('sora-studio', (el) => {
    el.endpoint = endpoint;
  });
  const prompt = $<SoraPrompt>(studio, 'sora-prompt');
  const list = $<SoraJobList>(studio, 'sora-job-list');
  const player = $<SoraPlayer>(studio, 'sora-player');
  // Every element talks to the one store of the endpoint, which is live while they are shown.
  await until(() => store.connection.value !== 'idle' && store.capabilities.value !== null);
  await prompt.updateComplete;

  const field = $<HTMLTextAreaElement>(prompt, 'textarea');
  field.value = 'A paper boat drifting down a rainy street';
  field.dispatchEvent(new Event('input'));
  await prompt.updateComplete;
  $(prompt, '[part~="submit"]').click();
  await until(() => player.jobId === 'job_1');
  await list.updateComplete;
  expect($(list, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('0');

  const base = server.jobs[0] ?? makeJob();
  server.push({ ...base, status: 'in_progress', progress: 60 });
  await until(() => $(list, '[role="progressbar"]').getAttribute('aria-valuenow') === '60');
  server.push(makeJob({ ...base, status: 'completed', progress: 100 }));
  await until(() => $$(player, 'video').length === 1 && $<HTMLVideoElement>(player, 'video').src !== '');
  expect($<HTMLVideoElement>(player, 'video').src).toContain('video-1280x720-4s.mp4');
  expect($$(list, '[role="progressbar"]')).toHaveLength(0);

  studio.remove();
  expect(store.connection.value).toBe('idle');
  store.dispose();
});

test('separate elements given the same client share one store', async () => {
  const server = createStubServer({ videoUrl });
  const client = createSoraClient({ endpoint: 'http://client.test/api/sora', fetch: server.fetch });
  const prompt = await mount<SoraPrompt>('sora-prompt', (el) => {
    el.client = client;
  });
  const list = await mount<SoraJobList>('sora-job-list', (el) => {
    el.client = client;
  });
  await until(() => $$(prompt, 'select[name="size"]').length === 1);
  const field = $<HTMLTextAreaElement>(prompt, 'textarea');
  field.value = 'Two elements, one store';
  field.dispatchEvent(new Event('input'));
  await prompt.updateComplete;
  await prompt.submit();
  await until(() => $$(list, 'li[part~="row"]').length === 1);
  expect($(list, '[part~="row-button"]').textContent).toBe('Two elements, one store');
});
