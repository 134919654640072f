// Every state at phone and desktop widths fits without sideways scrolling. The same states are
// screenshotted by scripts/screenshots.mjs for a person to look at.

import { afterEach, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import sprite from '../../sample-media/media/dawn/spritesheet-1280x720.jpg?url';
import thumbnail from '../../sample-media/media/dawn/thumbnail-1280x720.jpg?url';
import video from '../../sample-media/media/dawn/video-1280x720-4s.mp4?url';
import { unmountAll } from './support/dom.js';
import { states, storeWithEveryKindOfJob } from './support/states.js';

afterEach(() => {
  unmountAll();
  document.body.style.background = '';
});

describe.each([
  ['phone', 390, 844],
  ['desktop', 1280, 900],
])('every state at %s width', (_name, width, height) => {
  test.each(Object.keys(states))('%s fits without sideways scrolling', async (state) => {
    await page.viewport(width, height);
    await states[state]?.(storeWithEveryKindOfJob({ video, thumbnail, sprite }));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });
});
