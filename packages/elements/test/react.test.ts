// The React wrappers: props reach the element as properties and sora-* events reach on… props.
import { createElement, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import thumbUrl from '../../sample-media/media/dawn/thumbnail-1280x720.jpg?url';
import videoUrl from '../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraJobList as SoraJobListElement } from '../src/job-list/sora-job-list.js';
import type { SoraPlayer as SoraPlayerElement } from '../src/player/sora-player.js';
import type { SoraPrompt as SoraPromptElement } from '../src/prompt/sora-prompt.js';
import { SoraJobList, SoraPlayer, SoraPrompt, SoraStudio } from '../src/react.js';
import { $, until } from './support/dom.js';
import { createFakeStore, makeJob } from './support/fake-store.js';

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const c of containers.splice(0)) c.remove();
});

test('React props become properties and sora events call the on… props', async () => {
  const fake = createFakeStore({ jobs: [makeJob({ jobId: 'job_r', prompt: 'From React' })] });
  const container = document.createElement('div');
  document.body.appendChild(container);
  containers.push(container);
  const selected: string[] = [];
  const created: string[] = [];
  const root = createRoot(container);
  flushSync(() =>
    root.render([
      createElement(SoraPrompt, {
        key: 'p',
        store: fake.store,
        onJobCreated: (e: CustomEvent<{ job: { prompt: string } }>) => created.push(e.detail.job.prompt),
      }),
      createElement(SoraJobList, {
        key: 'l',
        store: fake.store,
        selected: 'job_r',
        onJobSelect: (e: CustomEvent<{ jobId: string }>) => selected.push(e.detail.jobId),
      }),
    ]),
  );
  const list = container.querySelector('sora-job-list') as SoraJobListElement;
  const prompt = container.querySelector('sora-prompt') as SoraPromptElement;
  await list.updateComplete;
  expect(list.store).toBe(fake.store);
  expect(list.getAttribute('selected')).toBe('job_r');
  $(list, '[part~="play"]').click();
  expect(selected).toEqual(['job_r']);
  prompt.prompt = 'Made in React';
  await prompt.submit();
  await until(() => created.length === 1);
  expect(created).toEqual(['Made in React']);
  root.unmount();
});

/** The README's React composition: the job on show is state; a row's Play passes its job. */
function Videos({ store }: { store: ReturnType<typeof createFakeStore>['store'] }) {
  const [jobId, setJobId] = useState('job_a');
  const player = useRef<SoraPlayerElement>(null);
  return [
    createElement(SoraJobList, {
      key: 'l',
      store,
      selected: jobId,
      onJobSelect: (e: CustomEvent<{ jobId: string; play?: boolean }>) => {
        setJobId(e.detail.jobId);
        if (e.detail.play) void player.current?.play(e.detail.jobId);
      },
    }),
    createElement(SoraPlayer, { key: 'p', ref: player, store, jobId }),
  ];
}

test("the README's composition: a row's Play in React state starts that job's video", async () => {
  const fake = createFakeStore({ jobs: [makeJob({ jobId: 'job_a' }), makeJob({ jobId: 'job_b' })] });
  fake.behaviour.mediaLink = async (jobId, options) => ({
    url: options?.variant && options.variant !== 'video' ? thumbUrl : `${videoUrl}?job=${jobId}`,
    expiresAt: '',
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  containers.push(container);
  const root = createRoot(container);
  flushSync(() => root.render(createElement(Videos, { store: fake.store })));
  const list = container.querySelector('sora-job-list') as SoraJobListElement;
  const player = container.querySelector('sora-player') as SoraPlayerElement;
  await until(() => player.shadowRoot?.querySelector('video')?.src.includes('job=job_a') === true);
  await userEvent.click($(list, 'li[data-job-id="job_b"] [part~="play"]'));
  await until(() => player.shadowRoot?.querySelector('video')?.src.includes('job=job_b') === true);
  const video = player.shadowRoot?.querySelector('video') as HTMLVideoElement;
  await until(() => !video.paused);
  expect(player.jobId).toBe('job_b');
  video.pause();
  root.unmount();
});

test('SoraStudio hands on the events of its parts (a deleted job)', async () => {
  const fake = createFakeStore({ jobs: [makeJob({ jobId: 'job_gone' })] });
  const container = document.createElement('div');
  document.body.appendChild(container);
  containers.push(container);
  const deleted: string[] = [];
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      createElement(SoraStudio, {
        store: fake.store,
        onJobDeleted: (e: CustomEvent<{ jobId: string }>) => deleted.push(e.detail.jobId),
      }),
    ),
  );
  const studio = container.querySelector('sora-studio') as HTMLElement & { updateComplete: Promise<unknown> };
  await studio.updateComplete;
  const list = studio.shadowRoot?.querySelector('sora-job-list') as SoraJobListElement;
  await until(() => list.shadowRoot?.querySelector('[part~="delete"]') !== null);
  $(list, '[part~="delete"]').click();
  await list.updateComplete;
  $(list, '[part~="confirm-delete"]').click();
  await until(() => deleted.length === 1);
  expect(deleted).toEqual(['job_gone']);
  root.unmount();
});
