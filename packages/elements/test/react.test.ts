// The React wrappers: props reach the element as properties and sora-* events reach on… props.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import type { SoraJobList as SoraJobListElement } from '../src/job-list/sora-job-list.js';
import type { SoraPrompt as SoraPromptElement } from '../src/prompt/sora-prompt.js';
import { SoraJobList, SoraPrompt } from '../src/react.js';
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
