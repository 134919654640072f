/**
 * The fakes' sample media come from the optional package `@sora-kit/sample-media`: it is imported
 * (dynamically) only when a fake first serves a file, so the server never needs it otherwise.
 * Browsers (Storybook) pass their own loader, e.g. the package's `urlMediaLoader`.
 */

/** A downloadable asset of a video. */
export type FakeMediaVariant = 'video' | 'thumbnail' | 'spritesheet';

/**
 * Loads the bytes of one asset for a video of `size` lasting `seconds`. `clip` picks the scene
 * (any integer; the fake derives it from the prompt), so one prompt always gives the same clip.
 */
export type FakeMediaLoader = (
  variant: FakeMediaVariant,
  size: string,
  seconds: number,
  clip: number,
) => Promise<Uint8Array | ReadableStream<Uint8Array>>;

/** The content type served for each variant. */
export const MEDIA_CONTENT_TYPES: Readonly<Record<FakeMediaVariant, string>> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/** The package holding the sample clips (an optional peer dependency of @sora-kit/server). */
export const SAMPLE_MEDIA_PACKAGE = '@sora-kit/sample-media';

/** Thrown when a fake serves media but `@sora-kit/sample-media` is not installed. */
export class MissingSampleMediaError extends Error {
  constructor(cause: unknown) {
    super(
      `sora-kit fake: its sample videos live in ${SAMPLE_MEDIA_PACKAGE}; install it (npm i -D ${SAMPLE_MEDIA_PACKAGE}) or pass \`media\` to the fake`,
      { cause },
    );
    this.name = 'MissingSampleMediaError';
  }
}

type SampleMedia = typeof import('@sora-kit/sample-media');

/**
 * A loader built from `@sora-kit/sample-media`, imported on first use. Without the package every
 * load rejects with {@link MissingSampleMediaError}, one line naming the package.
 */
function fromSampleMedia(make: (module: SampleMedia) => FakeMediaLoader): FakeMediaLoader {
  let loader: Promise<FakeMediaLoader> | undefined;
  return async (variant, size, seconds, clip) => {
    loader ??= import('@sora-kit/sample-media').then(make, (error: unknown) => {
      loader = undefined;
      throw new MissingSampleMediaError(error);
    });
    return (await loader)(variant, size, seconds, clip);
  };
}

/** The Node default: reads `@sora-kit/sample-media`'s files (or those in `options.dir`). */
export function nodeMediaLoader(options: { dir?: string | URL } = {}): FakeMediaLoader {
  return fromSampleMedia((module) => module.nodeMediaLoader(options));
}

/**
 * Fetches `@sora-kit/sample-media`'s files from a URL prefix serving its `media/` folder (e.g.
 * Storybook's static dir `/sora-kit-media/`), for fakes running in a browser.
 */
export function urlMediaLoader(baseUrl: string | URL, fetcher?: typeof fetch): FakeMediaLoader {
  return fromSampleMedia((module) => module.urlMediaLoader(baseUrl, fetcher));
}

/** The clip a prompt picks: a stable 32-bit FNV-1a hash, so the same prompt gives the same clip. */
export function clipForPrompt(prompt: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < prompt.length; i++) {
    hash ^= prompt.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
