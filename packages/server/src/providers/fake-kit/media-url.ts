/**
 * `urlMediaLoader`, for fakes running in a browser (Storybook, `createSoraMock`). Its own module:
 * it imports `@sora-kit/sample-media` by name so browser bundlers include it, which a server
 * bundle must not be made to do (see `nodeMediaLoader`).
 */
import { type FakeMediaLoader, fromSampleMedia } from './media.js';

/**
 * Fetches `@sora-kit/sample-media`'s files from a URL prefix serving its `media/` folder (e.g.
 * Storybook's static dir `/sora-kit-media/`).
 */
export function urlMediaLoader(baseUrl: string | URL, fetcher?: typeof fetch): FakeMediaLoader {
  return fromSampleMedia(
    () => import('@sora-kit/sample-media'),
    (module) => module.urlMediaLoader(baseUrl, fetcher),
  );
}
