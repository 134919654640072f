// The studio as a person meets it: after a reload the newest finished video is ready in the
// player, and on a phone Play on a lower row brings the player (above the list) into view.
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import videoUrl from '../../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraJobList } from '../../src/job-list/sora-job-list.js';
import type { SoraPlayer } from '../../src/player/sora-player.js';
import type { SoraStudio } from '../../src/studio/sora-studio.js';
import { $, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, makeJob } from '../support/fake-store.js';

afterEach(async () => {
  unmountAll();
  window.scrollTo(0, 0);
  await page.viewport(1280, 900);
});

test('after a reload the newest completed video is selected and shown in the player', async () => {
  const { store } = createFakeStore({
    jobs: [
      makeJob({ jobId: 'job_4', prompt: 'Still cooking', status: 'in_progress', progress: 40 }),
      makeJob({ jobId: 'job_3', prompt: 'Refused', status: 'failed', progress: 0 }),
      makeJob({ jobId: 'job_2', prompt: 'Newest finished' }),
      makeJob({ jobId: 'job_1', prompt: 'Older finished' }),
    ],
  });
  const studio = await mount<SoraStudio>('sora-studio', (el) => {
    el.store = store;
  });
  const player = $<SoraPlayer>(studio, 'sora-player');
  await until(() => player.jobId === 'job_2');
  const list = $<SoraJobList>(studio, 'sora-job-list');
  await list.updateComplete;
  expect(list.selected).toBe('job_2');
  expect(player.shadowRoot?.textContent).not.toContain('Select a video');
});

test('on a phone, Play on a lower row scrolls the player into view', async () => {
  await page.viewport(390, 700);
  const fake = createFakeStore({
    jobs: Array.from({ length: 8 }, (_, i) =>
      makeJob({ jobId: `job_${8 - i}`, prompt: `Clip number ${8 - i}` }),
    ),
  });
  fake.behaviour.mediaLink = async () => ({ url: videoUrl, expiresAt: '' });
  const studio = await mount<SoraStudio>('sora-studio', (el) => {
    el.store = fake.store;
  });
  const list = $<SoraJobList>(studio, 'sora-job-list');
  await list.updateComplete;
  const lowest = $(list, 'li[data-job-id="job_1"] [part~="play"]');
  lowest.scrollIntoView({ block: 'end' });
  await userEvent.click(lowest);
  const player = $<SoraPlayer>(studio, 'sora-player');
  await until(() => player.jobId === 'job_1');
  await until(() => {
    const box = player.getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight - 150;
  }, 200);
});
