// A developer runs the elements in Lit's development build (Vite's dev server picks it): their
// console must stay free of Lit's "scheduled an update after an update completed" warning, which
// says an element renders twice where once would do.
import { createJobStore } from '@sora-kit/core';
import { afterEach, expect, test, vi } from 'vitest';
import videoUrl from '../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import type { SoraPlayer } from '../src/player/sora-player.js';
import type { SoraPrompt } from '../src/prompt/sora-prompt.js';
import type { SoraStudio } from '../src/studio/sora-studio.js';
import { $, mount, unmountAll, until } from './support/dom.js';
import { makeJob } from './support/fake-store.js';
import { createStubServer } from './support/stub-server.js';

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

/** A store over a stub server holding one finished video, and a spy on the console's warnings. */
function watchedStore(host: string) {
  const warn = vi.spyOn(console, 'warn');
  const server = createStubServer({ videoUrl });
  server.jobs.push(makeJob({ jobId: 'job_done', status: 'completed', progress: 100 }));
  const store = createJobStore({ endpoint: `http://${host}/api/sora`, fetch: server.fetch, crossTab: false });
  return { warn, store };
}

function changeInUpdateWarnings(warn: { mock: { calls: unknown[][] } }): string[] {
  return warn.mock.calls.map((call) => String(call[0])).filter((text) => text.includes('change-in-update'));
}

test('each element takes a store given after it connects (as React does) without a second update', async () => {
  const warn = vi.spyOn(console, 'warn');
  const server = createStubServer({ videoUrl });
  server.jobs.push(makeJob({ jobId: 'job_done', status: 'completed', progress: 100 }));
  const store = createJobStore({
    endpoint: 'http://late.test/api/sora',
    fetch: server.fetch,
    crossTab: false,
  });
  const prompt = await mount<SoraPrompt>('sora-prompt');
  const list = await mount<SoraJobList>('sora-job-list');
  const player = await mount<SoraPlayer>('sora-player');
  for (const el of [prompt, list, player]) el.store = store;
  player.jobId = 'job_done';
  await until(() => list.shadowRoot?.querySelector('[part~="row"]') !== null);
  await until(() => player.shadowRoot?.querySelector('video') !== null);
  expect(store.capabilities.value).not.toBeNull();
  expect(changeInUpdateWarnings(warn)).toEqual([]);
  store.dispose();
});

test('the studio renders its parts on one store without a second update of its own', async () => {
  const warn = vi.spyOn(console, 'warn');
  const server = createStubServer({ videoUrl });
  server.jobs.push(makeJob({ jobId: 'job_done', status: 'completed', progress: 100 }));
  const store = createJobStore({
    endpoint: 'http://studio.test/api/sora',
    fetch: server.fetch,
    crossTab: false,
  });
  const studio = await mount<SoraStudio>('sora-studio', (el) => {
    el.store = store;
  });
  const player = $<SoraPlayer>(studio, 'sora-player');
  // After the history arrives, the newest finished video is selected and shown.
  await until(() => player.jobId === 'job_done');
  expect(changeInUpdateWarnings(warn)).toEqual([]);
  store.dispose();
});
