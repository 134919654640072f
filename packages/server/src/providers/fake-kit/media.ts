/**
 * The fakes' sample media come from the optional package `@sora-kit/sample-media`: it is imported
 * (dynamically) only when a fake first serves a file, so the server never needs it otherwise.
 * Browsers (Storybook) pass their own loader, e.g. `urlMediaLoader` (media-url.ts).
 */
import { isResolvable } from '../../node-require.js';
import { importOptional } from '../../optional-peer.js';

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
 * A loader built from `@sora-kit/sample-media`, imported on first use by `load`. Without the
 * package every load rejects with {@link MissingSampleMediaError}, one line naming the package.
 */
export function fromSampleMedia(
  load: () => Promise<SampleMedia>,
  make: (module: SampleMedia) => FakeMediaLoader,
): FakeMediaLoader {
  let loader: Promise<FakeMediaLoader> | undefined;
  return async (variant, size, seconds, clip) => {
    loader ??= load().then(make, (error: unknown) => {
      loader = undefined;
      throw new MissingSampleMediaError(error);
    });
    return (await loader)(variant, size, seconds, clip);
  };
}

/**
 * The Node default: reads `@sora-kit/sample-media`'s files (or those in `options.dir`). The package
 * is imported with the bundlers' ignore comments, so a server bundle (Next.js, Vite SSR) neither
 * needs it at build time nor copies its media: Node loads it from node_modules when a fake runs.
 */
export function nodeMediaLoader(options: { dir?: string | URL } = {}): FakeMediaLoader {
  return fromSampleMedia(
    () => importOptional<SampleMedia>(SAMPLE_MEDIA_PACKAGE, 'the fake provider'),
    (module) => module.nodeMediaLoader(options),
  );
}

let warned = false;

/**
 * Whether `@sora-kit/sample-media` is known to be missing, for a fake that uses the default loader.
 * The first time it is, a Node process warning (on stderr by default) names the install command,
 * so the cause shows at start. Resolves the package without loading it; `false` where resolving
 * is not possible (non-Node), as nothing is known there.
 */
export function sampleMediaMissing(): boolean {
  if (isResolvable(SAMPLE_MEDIA_PACKAGE) !== false) return false;
  if (!warned) {
    warned = true;
    globalThis.process.emitWarning(
      `the fake provider's sample videos live in ${SAMPLE_MEDIA_PACKAGE}, which is not installed: every video it makes fails, saying so. Install it (npm i -D ${SAMPLE_MEDIA_PACKAGE}) or pass \`media\` to the fake.`,
      { type: 'SoraKitWarning', code: 'SORA_KIT_SAMPLE_MEDIA_MISSING' },
    );
  }
  return true;
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
