import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import videoUrl from '../../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import '../../src/locales/fr.js';
import type { SoraJobList } from '../../src/job-list/sora-job-list.js';
import type { SoraPlayer } from '../../src/player/sora-player.js';
import type { SoraPrompt } from '../../src/prompt/sora-prompt.js';
import type { SoraStudio } from '../../src/studio/sora-studio.js';
import { $, $$, axeViolations, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, type FakeStore, makeJob } from '../support/fake-store.js';

let fake: FakeStore;

beforeEach(() => {
  fake = createFakeStore({
    jobs: [
      makeJob({ jobId: 'job_2', prompt: 'A glass city at dawn', status: 'in_progress', progress: 35 }),
      makeJob({ jobId: 'job_1', prompt: 'A fox in the snow' }),
    ],
  });
});
afterEach(async () => {
  unmountAll();
  await page.viewport(1280, 900);
});

const mountStudio = () =>
  mount<SoraStudio>('sora-studio', (el) => {
    el.store = fake.store;
  });

const parts = (el: SoraStudio) => ({
  prompt: $<SoraPrompt>(el, 'sora-prompt'),
  list: $<SoraJobList>(el, 'sora-job-list'),
  player: $<SoraPlayer>(el, 'sora-player'),
});

describe('<sora-studio>', () => {
  test('selecting a row shows it in the player; Play also starts it', async () => {
    fake.behaviour.mediaLink = async (_jobId, options) =>
      options?.variant ? Promise.reject(new Error('no thumbnail')) : { url: videoUrl, expiresAt: '' };
    const el = await mountStudio();
    const { list, player } = parts(el);
    await list.updateComplete;
    $(list, 'li[data-job-id="job_2"] [part~="row-button"]').click();
    await el.updateComplete;
    expect(player.jobId).toBe('job_2');
    await userEvent.click($(list, 'li[data-job-id="job_1"] [part~="play"]'));
    await el.updateComplete;
    expect(player.jobId).toBe('job_1');
    expect(list.selected).toBe('job_1');
    await until(() => $$(player, 'video').length === 1);
    const video = $<HTMLVideoElement>(player, 'video');
    await until(() => !video.paused);
    video.pause();
  });

  test('a new job is selected as soon as it is created', async () => {
    const el = await mountStudio();
    const { prompt, list, player } = parts(el);
    const field = $<HTMLTextAreaElement>(prompt, 'textarea');
    field.value = 'A whale in the clouds';
    field.dispatchEvent(new Event('input'));
    await prompt.updateComplete;
    $(prompt, '[part~="submit"]').click();
    // job_1, the newest finished video, is on show until the new one is created.
    await until(() => fake.callsOf('create').length === 1 && player.jobId !== 'job_1');
    const created = fake.jobs.value[0];
    expect(created?.prompt).toBe('A whale in the clouds');
    expect(player.jobId).toBe(created?.jobId);
    await el.updateComplete;
    expect(list.selected).toBe(created?.jobId);
  });

  test('remix puts the prompt in remix mode; reuse fills it', async () => {
    const el = await mountStudio();
    const { prompt, list } = parts(el);
    await list.updateComplete;
    $(list, 'li[data-job-id="job_1"] [part~="remix"]').click();
    await prompt.updateComplete;
    expect(prompt.remixOf).toBe('job_1');
    expect($(prompt, '[part~="remix-banner"]').textContent).toContain('A fox in the snow');
    $(list, 'li[data-job-id="job_2"] [part~="reuse"]').click();
    await prompt.updateComplete;
    expect(prompt.remixOf).toBe('');
    expect($<HTMLTextAreaElement>(prompt, 'textarea').value).toBe('A glass city at dawn');
  });

  test('list and player sit side by side on desktop and stack on a phone', async () => {
    await page.viewport(1280, 900);
    const el = await mountStudio();
    const { list, player } = parts(el);
    player.jobId = 'job_1';
    await player.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    $(list, 'li[data-job-id="job_1"] [part~="row-button"]').click();
    await el.updateComplete;
    let l = list.getBoundingClientRect();
    let p = player.getBoundingClientRect();
    expect(p.left).toBeGreaterThan(l.right - 1);
    await page.viewport(390, 844);
    await until(() => player.getBoundingClientRect().left < list.getBoundingClientRect().right - 1);
    l = list.getBoundingClientRect();
    p = player.getBoundingClientRect();
    expect(Math.round(p.width)).toBe(Math.round(l.width));
    expect(p.bottom).toBeLessThanOrEqual(l.top + 1);
  });

  test('with no videos the list shows its empty state, replaceable through the studio', async () => {
    fake.jobs.value = [];
    const el = await mountStudio();
    const { list } = parts(el);
    await list.updateComplete;
    const shown = () =>
      $<HTMLSlotElement>(list, 'slot[name="empty"]')
        .assignedElements({ flatten: true })
        .map((e) => e.textContent?.trim())
        .join(' ');
    expect(shown()).toContain('No videos yet');
    expect($(list, '[part~="empty"]').getBoundingClientRect().height).toBeGreaterThan(60);
    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Your first video will show up here';
    el.appendChild(custom);
    expect(shown()).toBe('Your first video will show up here');
  });

  test('inner parts can be styled from outside through prefixed exported parts', async () => {
    const style = document.createElement('style');
    style.textContent = `
      sora-studio::part(prompt-submit) { outline-color: rgb(1, 2, 3); }
      sora-studio::part(list-row) { outline-color: rgb(4, 5, 6); }
      sora-studio::part(player-placeholder) { outline-color: rgb(7, 8, 9); }`;
    document.head.appendChild(style);
    // Nothing finished yet, so the player shows its placeholder.
    fake.jobs.value = fake.jobs.value.filter((job) => job.status !== 'completed');
    try {
      const el = await mountStudio();
      const { prompt, list, player } = parts(el);
      await list.updateComplete;
      await player.updateComplete;
      expect(getComputedStyle($(prompt, '[part~="submit"]')).outlineColor).toBe('rgb(1, 2, 3)');
      expect(getComputedStyle($(list, '[part~="row"]')).outlineColor).toBe('rgb(4, 5, 6)');
      expect(getComputedStyle($(player, '[part~="placeholder"]')).outlineColor).toBe('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  test('the whole studio passes axe, light and dark', async () => {
    const el = await mountStudio();
    await parts(el).list.updateComplete;
    expect(await axeViolations(el)).toEqual([]);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await axeViolations(el)).toEqual([]);
    expect($$(parts(el).list, '[theme="dark"]')).toHaveLength(0);
    expect(parts(el).list.getAttribute('theme')).toBe('dark');
  });
});

describe('<sora-studio> language', () => {
  test('the page language reaches every element inside the studio', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    document.body.appendChild(wrapper);
    try {
      const el = await mount<SoraStudio>(
        'sora-studio',
        (s) => {
          s.store = fake.store;
        },
        wrapper,
      );
      const { prompt, list } = parts(el);
      await list.updateComplete;
      expect($(prompt, '[part~="submit"]').textContent?.trim()).toBe('Générer');
      expect($(list, 'li[data-job-id="job_1"] [part~="status"]').textContent).toBe('Prête');
    } finally {
      wrapper.remove();
    }
  });
});
