import { SoraApiError } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import spriteUrl from '../../../sample-media/media/dawn/spritesheet-1280x720.jpg?url';
import thumbUrl from '../../../sample-media/media/dawn/thumbnail-1280x720.jpg?url';
import videoUrl from '../../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraPlayer } from '../../src/player/sora-player.js';
import { $, $$, axeViolations, collect, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, type FakeStore, makeJob } from '../support/fake-store.js';

let fake: FakeStore;

beforeEach(() => {
  fake = createFakeStore();
  let renewals = 0;
  fake.behaviour.mediaLink = async (_jobId, options) => {
    const variant = options?.variant ?? 'video';
    if (variant === 'thumbnail') return { url: thumbUrl, expiresAt: '2026-11-24T11:00:00Z' };
    if (variant === 'spritesheet') return { url: spriteUrl, expiresAt: '2026-11-24T11:00:00Z' };
    renewals += 1;
    return { url: `${videoUrl}?link=${renewals}${options?.download ? '&download=1' : ''}`, expiresAt: '' };
  };
});
afterEach(unmountAll);

const mountPlayer = (jobId: string, setup: (el: SoraPlayer) => void = () => undefined) =>
  mount<SoraPlayer>('sora-player', (el) => {
    el.store = fake.store;
    el.jobId = jobId;
    setup(el);
  });

/** Runs `action` from a real click on a button of the page, as a person's gesture (media may play). */
async function clickThat(action: () => void): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Go';
  button.addEventListener('click', action);
  document.body.appendChild(button);
  try {
    await userEvent.click(button);
  } finally {
    button.remove();
  }
}

const loaded = (video: HTMLVideoElement) =>
  new Promise<void>((resolve) => {
    if (video.readyState >= 1) resolve();
    else video.addEventListener('loadedmetadata', () => resolve(), { once: true });
  });

/** The next `type` event of `target`. */
const nextEvent = (target: EventTarget, type: string) =>
  new Promise<void>((resolve) => target.addEventListener(type, () => resolve(), { once: true }));

describe('<sora-player>', () => {
  test('without a job it invites a selection', async () => {
    const el = await mountPlayer('');
    expect($(el, '[part~="placeholder"]').textContent).toContain('Select a video');
    expect(await axeViolations(el)).toEqual([]);
  });

  test('queued and in-progress jobs show a labelled progress bar and the percentage', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_q', status: 'queued', progress: 0 })];
    const el = await mountPlayer('job_q');
    expect($(el, '[part~="percent"]').textContent).toContain('Waiting');
    expect(await axeViolations(el)).toEqual([]);
    fake.upsert(makeJob({ jobId: 'job_q', status: 'in_progress', progress: 57 }));
    await el.updateComplete;
    const bar = $(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('57');
    expect($(el, '[part~="percent"]').textContent).toBe('57%');
    expect($(el, '[aria-live="polite"]').textContent).toContain('50%');
    expect(await axeViolations(el)).toEqual([]);
  });

  test('a moderation failure explains how to rephrase and offers no retry', async () => {
    fake.jobs.value = [
      makeJob({
        jobId: 'job_m',
        status: 'failed',
        progress: 40,
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      }),
    ];
    const el = await mountPlayer('job_m');
    expect($(el, '[part~="error"]').textContent).toContain('Edit it');
    expect($$(el, '[part~="retry"]')).toHaveLength(0);
    expect(await axeViolations(el)).toEqual([]);
    const reuses = collect(document, 'sora-prompt-reuse');
    $(el, '[part~="edit-prompt"]').click();
    expect(reuses[0]?.detail.prompt).toBe(fake.jobs.value[0]?.prompt);
  });

  test('on a narrow screen the failure panel grows to show its whole message and buttons', async () => {
    fake.jobs.value = [
      makeJob({
        jobId: 'job_n',
        status: 'failed',
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      }),
    ];
    const el = await mountPlayer('job_n', (p) => {
      p.style.width = '320px';
    });
    const stage = $(el, '[part~="stage"]').getBoundingClientRect();
    const button = $(el, '[part~="edit-prompt"]').getBoundingClientRect();
    expect(button.bottom).toBeLessThanOrEqual(stage.bottom);
  });

  test('a retryable failure offers a retry that calls the store', async () => {
    fake.jobs.value = [
      makeJob({
        jobId: 'job_f',
        status: 'failed',
        progress: 40,
        error: { code: 'upstream_failed', message: 'The provider failed.', retryable: true },
      }),
    ];
    const el = await mountPlayer('job_f', (p) => {
      p.theme = 'dark';
    });
    expect($(el, '[part~="error"]').textContent).toContain('The video service could not make this video');
    expect(await axeViolations(el)).toEqual([]);
    $(el, '[part~="retry"]').click();
    await until(() => fake.callsOf('retry').length === 1);
    await el.updateComplete;
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('0');
  });

  test('fetches a job it does not know, then plays it with the thumbnail as poster', async () => {
    fake.behaviour.fetchJob = async (jobId) => makeJob({ jobId });
    const el = await mountPlayer('job_far');
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    expect(fake.callsOf('fetchJob')[0]?.args).toEqual(['job_far']);
    const video = $<HTMLVideoElement>(el, 'video');
    // The player's own controls, not the browser's.
    expect(video.controls).toBe(false);
    expect(video.playsInline).toBe(true);
    expect(video.autoplay).toBe(false);
    expect(video.poster).toContain('thumbnail-1280x720');
    await loaded(video);
    expect(`${video.videoWidth}x${video.videoHeight}`).toBe('1280x720');
    expect(await axeViolations(el)).toEqual([]);
  });

  test('while the job it was given is fetched, the player says it is loading that video', async () => {
    fake.behaviour.fetchJob = () => new Promise(() => undefined);
    const el = await mountPlayer('job_slow');
    expect($(el, '[part~="placeholder"]').textContent?.trim()).toBe('Loading the video…');
  });

  test('a job that cannot be fetched while offline says so and offers to try again', async () => {
    fake.behaviour.fetchJob = async () => {
      throw new SoraApiError({ status: 0, code: 'network_error', message: 'Failed to fetch' });
    };
    const el = await mountPlayer('job_away');
    await until(() => $$(el, '[part~="error"]').length === 1);
    expect($(el, '[part~="error"]').textContent).toContain('could not be reached');
    fake.behaviour.fetchJob = async (jobId) => makeJob({ jobId });
    $(el, '[part~="reload"]').click();
    await until(() => $$(el, 'video').length === 1);
    expect($$(el, '[part~="error"]')).toHaveLength(0);
  });

  test('a job that no longer exists says so, with nothing to try again', async () => {
    fake.behaviour.fetchJob = async () => {
      throw new SoraApiError({ status: 404, code: 'not_found', message: 'No such job' });
    };
    const el = await mountPlayer('job_gone');
    await until(() => $$(el, '[part~="error"]').length === 1);
    expect($(el, '[part~="error"]').textContent).toContain('no longer exists');
    expect($$(el, '[part~="reload"]')).toHaveLength(0);
  });

  test('an unknown job id ends in an error, not a spinner', async () => {
    fake.behaviour.fetchJob = async () => {
      throw new SoraApiError({ status: 404, code: 'not_found', message: 'No such job' });
    };
    const el = await mountPlayer('job_nope');
    await until(() => $$(el, '[part~="error"]').length === 1);
  });

  test('an expired link is renewed without losing the position or the play state', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_r' })];
    const el = await mountPlayer('job_r');
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    const video = $<HTMLVideoElement>(el, 'video');
    await loaded(video);
    video.currentTime = 2;
    video.dispatchEvent(new Event('error'));
    await until(() => video.src.includes('link=2'));
    await until(() => Math.abs(video.currentTime - 2) < 0.01 && video.readyState >= 1);
    expect(video.paused).toBe(true);
    expect($$(el, '[part~="error"]')).toHaveLength(0);
  });

  test('a video whose links cannot be had says so and can try again', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_e' })];
    const working = fake.behaviour.mediaLink;
    fake.behaviour.mediaLink = async () => {
      throw new SoraApiError({ status: 503, code: 'upstream_unavailable', message: 'down' });
    };
    const el = await mountPlayer('job_e');
    await until(() => $$(el, '[part~="reload"]').length === 1);
    expect($(el, '[part~="error"]').textContent).toContain('could not be played');
    expect(await axeViolations(el)).toEqual([]);
    fake.behaviour.mediaLink = working;
    $(el, '[part~="reload"]').click();
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    expect($$(el, '[part~="error"]')).toHaveLength(0);
  });

  test('download asks for an attachment link and follows it', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_d' })];
    const el = await mountPlayer('job_d');
    await until(() => $$(el, '[part~="download"]').length === 1);
    const followed: string[] = [];
    el.shadowRoot?.addEventListener('click', (event) => {
      const anchor = event.target as HTMLAnchorElement;
      if (anchor.localName === 'a') {
        event.preventDefault();
        followed.push(anchor.href);
      }
    });
    const events = collect(document, 'sora-download');
    $(el, '[part~="download"]').focus();
    await userEvent.keyboard('{Enter}');
    await until(() => events.length === 1);
    // The button stays where the person is while the link is fetched (a disabled one drops focus).
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).toBe('download');
    expect(fake.callsOf('mediaLink').some((c) => JSON.stringify(c.args[1]) === '{"download":true}')).toBe(
      true,
    );
    expect(followed[0]).toContain('download=1');
  });

  test('hovering the timeline shows the spritesheet tile for that moment', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_s' })];
    const el = await mountPlayer('job_s');
    await until(() => $$(el, '[part~="timeline"]').length === 1);
    const strip = $(el, '[part~="timeline"]');
    const box = strip.getBoundingClientRect();
    strip.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: box.left + box.width * 0.55,
        clientY: box.top + 2,
        bubbles: true,
      }),
    );
    await el.updateComplete;
    const tile = $(el, '[part~="preview"] .tile');
    // 4×3 grid, 55 % of the way: tile 6 of 12 = column 2, row 1.
    expect(tile.style.backgroundPosition).toBe('66.6667% 50%');
    expect(tile.style.backgroundImage).toContain('spritesheet-1280x720');
    strip.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect($$(el, '[part~="preview"]')).toHaveLength(0);
  });

  test('keyboard: k toggles playback, j and l seek by up to a quarter of the clip', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_k' })];
    const el = await mountPlayer('job_k');
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    const video = $<HTMLVideoElement>(el, 'video');
    video.muted = true;
    await loaded(video);
    $(el, '[part~="stage"]').focus();
    await userEvent.keyboard('k');
    await until(() => !video.paused);
    await userEvent.keyboard('k');
    await until(() => video.paused);
    video.currentTime = 1;
    await userEvent.keyboard('l');
    // Ten seconds would leave a 4 s clip at its end: one step is a quarter of it instead.
    expect(video.currentTime).toBeCloseTo(1 + video.duration / 4, 1);
    await userEvent.keyboard('j');
    await userEvent.keyboard('j');
    expect(video.currentTime).toBe(0);
    expect(getComputedStyle($(el, '[part~="stage"]')).outlineStyle).toBe('solid');
  });

  test('keyboard: one tab stop reaches the video, where Space plays it once and k pauses it', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_space' })];
    const el = await mountPlayer('job_space');
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    const video = $<HTMLVideoElement>(el, 'video');
    video.muted = true;
    await loaded(video);
    expect($(el, '[part~="stage"]').tabIndex).toBe(-1);
    expect(video.getAttribute('aria-keyshortcuts')).toContain('Space');
    video.focus();
    let pauses = 0;
    video.addEventListener('pause', () => pauses++);
    await userEvent.keyboard(' ');
    await until(() => !video.paused);
    // Played once, not toggled twice: the clip itself moves on (its own clock, no sleep) unpaused.
    await until(() => video.currentTime > 0.25);
    expect({ paused: video.paused, pauses }).toEqual({ paused: false, pauses: 0 });
    await userEvent.keyboard('k');
    await until(() => video.paused);
    // Arrows seek once, by an eighth of this 4 s clip, not also by the browser's own step.
    video.currentTime = 1;
    await nextEvent(video, 'seeked');
    const seeked = nextEvent(video, 'seeked');
    await userEvent.keyboard('{ArrowRight}');
    await seeked;
    expect(video.currentTime).toBeCloseTo(1 + video.duration / 8, 1);
  });

  test('a portrait clip on a wide screen fits under the height cap whole, not cropped', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_tall', size: '720x1280' })];
    const column = document.createElement('div');
    column.style.width = '648px';
    document.body.appendChild(column);
    try {
      const el = await mount<SoraPlayer>(
        'sora-player',
        (player) => {
          player.store = fake.store;
          player.jobId = 'job_tall';
          player.style.setProperty('--sora-player-max-height', '560px');
        },
        column,
      );
      await until(() => $$(el, 'video').length === 1);
      const stage = $(el, '[part~="stage"]').getBoundingClientRect();
      const video = $(el, 'video').getBoundingClientRect();
      expect(stage.height).toBeLessThanOrEqual(560.5);
      expect(stage.width / stage.height).toBeCloseTo(720 / 1280, 2);
      // The picture's box is the stage's: nothing of it hangs below the clipped edge.
      expect(video.height).toBeLessThanOrEqual(stage.height + 0.5);
      expect(video.width).toBeLessThanOrEqual(stage.width + 0.5);
      // Centred in the column.
      expect(Math.round(stage.left + stage.width / 2)).toBe(
        Math.round(column.getBoundingClientRect().left + 324),
      );
    } finally {
      column.remove();
    }
  });

  test('the focused video shows its focus ring inside the stage, which clips what is outside', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_ring' })];
    const el = await mountPlayer('job_ring');
    await until(() => $$(el, 'video').length === 1);
    const before = document.createElement('button');
    el.before(before);
    try {
      before.focus();
      await userEvent.tab();
      const video = $(el, 'video');
      expect(el.shadowRoot?.activeElement).toBe(video);
      const style = getComputedStyle(video);
      expect(style.outlineStyle).toBe('solid');
      expect(
        Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth),
      ).toBeLessThanOrEqual(0);
    } finally {
      before.remove();
    }
  });

  test('play() right after a new job-id starts the new video, never the one on show', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_old' }), makeJob({ jobId: 'job_new' })];
    const el = await mountPlayer('job_old');
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    const old = $<HTMLVideoElement>(el, 'video');
    await loaded(old);
    // What a page does with the list's select event: switch, then play, from the person's click.
    await clickThat(() => {
      el.jobId = 'job_new';
      void el.play();
    });
    await until(() => el.shadowRoot?.querySelector('video')?.src.includes('link=2') === true);
    const fresh = $<HTMLVideoElement>(el, 'video');
    await until(() => !fresh.paused);
    fresh.pause();
  });

  test('a Play for a job whose video never loaded does not start the next job shown', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_broken' }), makeJob({ jobId: 'job_next' })];
    const working = fake.behaviour.mediaLink;
    fake.behaviour.mediaLink = async (jobId, options) =>
      jobId === 'job_broken' ? Promise.reject(new Error('gone')) : working(jobId, options);
    const el = await mountPlayer('job_broken');
    await el.play();
    await until(() => $$(el, '[part~="error"]').length > 0);
    el.jobId = 'job_next';
    await until(() => $$(el, 'video').length === 1 && $<HTMLVideoElement>(el, 'video').src !== '');
    const video = $<HTMLVideoElement>(el, 'video');
    video.muted = true; // were it to start, nothing would stop it for lack of a gesture
    await loaded(video);
    // The player decides to autoplay in its own loadedmetadata listener, which ran before ours,
    // and play() unpauses at once: by now a wrong start would show, no sleep needed.
    await el.updateComplete;
    expect(video.paused).toBe(true);
  });

  test('play() starts the video as soon as it has loaded', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_auto' })];
    const el = await mountPlayer('job_auto');
    // As on a page: play() runs from a person's click (a Play button elsewhere), so sound is allowed.
    await clickThat(() => void el.play());
    await until(() => $$(el, 'video').length === 1);
    const video = $<HTMLVideoElement>(el, 'video');
    await until(() => !video.paused);
    video.pause();
  });

  test('changing job-id switches the video', async () => {
    fake.jobs.value = [
      makeJob({ jobId: 'job_1' }),
      makeJob({ jobId: 'job_2', status: 'queued', progress: 0 }),
    ];
    const el = await mountPlayer('job_1');
    await until(() => $$(el, 'video').length === 1);
    el.setAttribute('job-id', 'job_2');
    await el.updateComplete;
    expect($$(el, 'video')).toHaveLength(0);
    expect($$(el, '[role="progressbar"]')).toHaveLength(1);
  });
});

describe('<sora-player> on and off the page', () => {
  test('keeps live updates while shown and releases them when removed', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_live', status: 'in_progress', progress: 5 })];
    const el = await mountPlayer('job_live');
    expect(fake.holders).toBe(1);
    fake.upsert(makeJob({ jobId: 'job_live', status: 'in_progress', progress: 45 }));
    await el.updateComplete;
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('45');
    el.remove();
    expect(fake.holders).toBe(0);
  });
});
