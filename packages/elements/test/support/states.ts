/**
 * The states of the elements worth looking at, shared by the overflow test and the screenshot
 * script (scripts/screenshots.mjs), so what is checked is what is looked at.
 */
import { SoraApiError } from '@sora-kit/core';
import type { SoraPrompt } from '../../src/prompt/sora-prompt.js';
import type { SoraStudio } from '../../src/studio/sora-studio.js';
import { $, $$, mount, until } from './dom.js';
import { createFakeStore, type FakeStore, makeJob } from './fake-store.js';

const NOW = Date.parse('2026-11-24T10:05:00.000Z');

/** URLs of playable sample media (the server's committed fixtures). */
export interface SampleMedia {
  video: string;
  thumbnail: string;
  sprite: string;
}

/** A store double holding one job of every kind, serving the sample media. */
export function storeWithEveryKindOfJob(media: SampleMedia): FakeStore {
  const fake = createFakeStore({
    jobs: [
      makeJob({
        jobId: 'job_q',
        prompt: 'A hummingbird drinking from a red flower, macro',
        status: 'queued',
        progress: 0,
      }),
      makeJob({
        jobId: 'job_p',
        prompt: 'Aerial shot over a foggy pine forest at sunrise, slow push-in, cinematic',
        status: 'in_progress',
        progress: 64,
        createdAt: '2026-11-24T10:03:00.000Z',
      }),
      makeJob({ jobId: 'job_c', prompt: 'A paper boat drifting down a rainy street at dusk', seconds: 4 }),
      makeJob({
        jobId: 'job_r',
        prompt: 'The same boat, now at night with lanterns',
        remixOf: 'job_c',
        hasReference: true,
      }),
      makeJob({
        jobId: 'job_m',
        prompt: 'fake:moderation_blocked a scene the policy refuses',
        status: 'failed',
        progress: 30,
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      }),
      makeJob({
        jobId: 'job_f',
        prompt: '<b>Markup</b> stays text: a lighthouse in a storm',
        status: 'failed',
        progress: 80,
        error: {
          code: 'upstream_failed',
          message: 'The provider failed to finish this video.',
          retryable: true,
        },
        createdAt: '2026-11-23T09:00:00.000Z',
      }),
    ],
  });
  fake.behaviour.mediaLink = async (_id, options) => {
    const variant = options?.variant ?? 'video';
    const url =
      variant === 'thumbnail' ? media.thumbnail : variant === 'spritesheet' ? media.sprite : media.video;
    return { url, expiresAt: '2026-11-24T11:00:00Z' };
  };
  return fake;
}

/** Every state worth looking at, each set up on the page from a store double. */
export const states: Record<string, (fake: FakeStore) => Promise<void>> = {
  'studio-every-row': async (fake) => {
    const el = await studio(fake);
    $(el, 'sora-job-list')
      .shadowRoot?.querySelector<HTMLElement>('li[data-job-id="job_c"] [part~="play"]')
      ?.click();
    await until(() => {
      const player = $(el, 'sora-player');
      return $$(player, 'video').length === 1 && $<HTMLVideoElement>(player, 'video').readyState >= 2;
    });
  },
  'player-hover-preview': async (fake) => {
    const el = await studio(fake);
    $(el, 'sora-job-list')
      .shadowRoot?.querySelector<HTMLElement>('li[data-job-id="job_c"] [part~="play"]')
      ?.click();
    const player = $(el, 'sora-player');
    await until(() => $$(player, '[part~="timeline"]').length === 1);
    const strip = $(player, '[part~="timeline"]');
    const box = strip.getBoundingClientRect();
    strip.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: box.left + box.width * 0.6,
        clientY: box.top + 4,
        bubbles: true,
      }),
    );
  },
  'studio-in-progress': async (fake) => {
    const el = await studio(fake);
    $(el, 'sora-job-list')
      .shadowRoot?.querySelector<HTMLElement>('li[data-job-id="job_p"] [part~="row-button"]')
      ?.click();
  },
  'studio-dark': async (fake) => {
    const el = await studio(fake, 'dark');
    $(el, 'sora-job-list')
      .shadowRoot?.querySelector<HTMLElement>('li[data-job-id="job_m"] [part~="row-button"]')
      ?.click();
    document.body.style.background = '#0f0f14';
    document.body.style.color = '#ececf1';
  },
  'studio-empty': async () => {
    await studio(createFakeStore());
  },
  'studio-loading': async () => {
    await studio(createFakeStore({ history: 'loading' }));
  },
  'list-error': async () => {
    const fake = createFakeStore({ history: 'error' });
    fake.historyError.value = new SoraApiError({ status: 0, code: 'network_error', message: 'offline' });
    await studio(fake);
  },
  'prompt-rate-limited': async (fake) => {
    fake.behaviour.create = async () => {
      throw new SoraApiError({
        status: 429,
        code: 'rate_limited',
        message: 'slow down',
        retryAfterSeconds: 27,
      });
    };
    const el = await studio(fake);
    const prompt = $<SoraPrompt>(el, 'sora-prompt');
    prompt.prompt = 'A red kite over the sea';
    await prompt.submit();
  },
  'prompt-reference': async (fake) => {
    const caps = fake.capabilities.value;
    if (caps)
      fake.capabilities.value = { ...caps, limits: { ...caps.limits, maxReferenceBytes: 10_000_000 } };
    const el = await studio(fake);
    const prompt = $<SoraPrompt>(el, 'sora-prompt');
    const canvas = Object.assign(document.createElement('canvas'), { width: 400, height: 400 });
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#2b6cb0';
      ctx.fillRect(0, 0, 400, 400);
      ctx.fillStyle = '#f6ad55';
      ctx.beginPath();
      ctx.arc(200, 200, 120, 0, Math.PI * 2);
      ctx.fill();
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    const input = $<HTMLInputElement>(prompt, 'input[type="file"]');
    const data = new DataTransfer();
    data.items.add(new File([blob ?? new Blob()], 'sun.png', { type: 'image/png' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    prompt.prompt = 'The sun rises over the sea';
  },
  'prompt-over-limit': async (fake) => {
    const el = await studio(fake);
    const prompt = $<SoraPrompt>(el, 'sora-prompt');
    prompt.prompt =
      'A slow dolly shot through a rain-soaked night market, neon signs reflected in puddles, '.repeat(4);
  },
  'prompt-remix': async (fake) => {
    const el = await studio(fake);
    $(el, 'sora-job-list')
      .shadowRoot?.querySelector<HTMLElement>('li[data-job-id="job_c"] [part~="remix"]')
      ?.click();
  },
};

/** Mounts a studio with a heading on a store double, with a fixed clock for relative times. */
export async function studio(fake: FakeStore, theme?: 'dark') {
  const el = await mount<SoraStudio>('sora-studio', (s) => {
    s.store = fake.store;
    if (theme) s.theme = theme;
    const heading = document.createElement('h1');
    heading.slot = 'heading';
    heading.textContent = 'Make a video';
    heading.style.margin = '0';
    s.appendChild(heading);
  });
  const list = $(el, 'sora-job-list') as HTMLElement & { now: () => number };
  list.now = () => NOW;
  return el;
}
