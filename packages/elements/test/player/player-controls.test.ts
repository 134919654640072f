// The player's controls as a person meets them: one scrubber (with its preview above it, never
// over other controls), and the video is one tab stop, straight before Download.
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import spriteUrl from '../../../sample-media/media/dawn/spritesheet-1280x720.jpg?url';
import thumbUrl from '../../../sample-media/media/dawn/thumbnail-1280x720.jpg?url';
import videoUrl from '../../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import type { SoraPlayer } from '../../src/player/sora-player.js';
import { $, $$, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, makeJob } from '../support/fake-store.js';

afterEach(unmountAll);

async function playerWithVideo() {
  const fake = createFakeStore({ jobs: [makeJob({ jobId: 'job_v', prompt: 'Dawn over the bay' })] });
  fake.behaviour.mediaLink = async (_jobId, options) => {
    const variant = options?.variant ?? 'video';
    const url = variant === 'thumbnail' ? thumbUrl : variant === 'spritesheet' ? spriteUrl : videoUrl;
    return { url, expiresAt: '' };
  };
  const el = await mount<SoraPlayer>('sora-player', (player) => {
    player.store = fake.store;
    player.jobId = 'job_v';
  });
  await until(() => $$(el, 'video').length === 1);
  const video = $<HTMLVideoElement>(el, 'video');
  await until(() => video.readyState >= 1, 300);
  await el.updateComplete;
  return { el, video };
}

test('one scrubber: no native controls under or over it, and the hover preview sits above it', async () => {
  const { el, video } = await playerWithVideo();
  expect(video.controls).toBe(false);
  expect($$(el, 'input[type="range"]')).toHaveLength(1);
  expect($$(el, '[part~="timeline"]')).toHaveLength(1);
  // Pointing along the scrubber shows the frame there, above the bar, not over its buttons.
  const scrubber = $(el, '[part~="timeline"]');
  const box = scrubber.getBoundingClientRect();
  scrubber.dispatchEvent(
    new PointerEvent('pointermove', {
      clientX: box.left + box.width / 2,
      clientY: box.top + 2,
      bubbles: true,
    }),
  );
  await el.updateComplete;
  const preview = $(el, '[part~="preview"]').getBoundingClientRect();
  expect(preview.bottom).toBeLessThanOrEqual($(el, '[part~="controls"]').getBoundingClientRect().top + 12);
  // Dragging the scrubber moves the video.
  const range = $<HTMLInputElement>(el, 'input[type="range"]');
  range.value = String(video.duration / 2);
  range.dispatchEvent(new Event('input', { bubbles: true }));
  expect(Math.abs(video.currentTime - video.duration / 2)).toBeLessThan(0.2);
});

test('the video is the player’s one tab stop: Tab from it lands on Download', async () => {
  const { el, video } = await playerWithVideo();
  video.focus();
  expect(el.shadowRoot?.activeElement).toBe(video);
  await userEvent.tab();
  expect(el.shadowRoot?.activeElement).toBe($(el, '[part~="download"]'));
});

test('Space on the focused video plays and pauses it, once per press', async () => {
  const { el, video } = await playerWithVideo();
  video.focus();
  await userEvent.keyboard(' ');
  await until(() => !video.paused);
  await userEvent.keyboard(' ');
  await until(() => video.paused);
  expect($(el, '[part~="play-toggle"]').getAttribute('aria-label')).toBe('Play');
});
