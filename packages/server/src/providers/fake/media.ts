/**
 * Sample media: the committed fixtures under `packages/server/media/`. Loading stays
 * browser-safe: Node's file system is only imported (dynamically) by the default loader, and
 * browsers (Storybook) pass their own loader, e.g. {@link urlMediaLoader}.
 */
import { FAKE_SECONDS } from './models.js';

/** A downloadable asset of a video. */
export type FakeMediaVariant = 'video' | 'thumbnail' | 'spritesheet';

/** Loads the bytes of one asset for a video of `size` lasting `seconds`. */
export type FakeMediaLoader = (
  variant: FakeMediaVariant,
  size: string,
  seconds: number,
) => Promise<Uint8Array | ReadableStream<Uint8Array>>;

/** The content type served for each variant. */
export const MEDIA_CONTENT_TYPES: Readonly<Record<FakeMediaVariant, string>> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/** The clip length a fixture exists for: the longest one not longer than `seconds`. */
export function fixtureSeconds(seconds: number): number {
  const lengths = FAKE_SECONDS.map(Number);
  const fitting = lengths.filter((length) => length <= seconds);
  return fitting.length > 0 ? Math.max(...fitting) : Math.min(...lengths);
}

/** The fixture's file name, e.g. `video-1280x720-8s.mp4`, `thumbnail-1280x720.jpg`. */
export function fixtureName(variant: FakeMediaVariant, size: string, seconds: number): string {
  if (variant === 'video') return `video-${size}-${fixtureSeconds(seconds)}s.mp4`;
  return `${variant}-${size}.jpg`;
}

/** A loader fetching fixtures from a URL prefix (e.g. Storybook's static dir `/sora-kit-media/`). */
export function urlMediaLoader(baseUrl: string | URL, fetcher: typeof fetch = fetch): FakeMediaLoader {
  // A relative base ('/sora-kit-media/') resolves against the page, as in Storybook.
  const page = (globalThis as { location?: { href: string } }).location?.href;
  return async (variant, size, seconds) => {
    const response = await fetcher(new URL(fixtureName(variant, size, seconds), new URL(baseUrl, page)));
    if (!response.ok || !response.body) {
      throw new Error(`Fixture ${fixtureName(variant, size, seconds)}: HTTP ${response.status}`);
    }
    return response.body;
  };
}

// Relative to this module: `src/providers/fake/` in the sources, `dist/` in the built package.
// Kept in variables so bundlers do not try to resolve them as assets.
const CANDIDATE_DIRS = ['../../../media/', '../media/'];

/** Where the fixtures are on disk: the first candidate (relative to `moduleUrl`) holding the 720p poster. */
async function findMediaDir(moduleUrl: string): Promise<string> {
  const [{ access }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
  for (const candidate of CANDIDATE_DIRS) {
    const dir = fileURLToPath(new URL(candidate, moduleUrl));
    try {
      await access(`${dir}thumbnail-1280x720.jpg`);
      return dir;
    } catch {
      // Not this layout; try the next.
    }
  }
  throw new Error('sora-kit fake: sample media not found next to the package (media/)');
}

/** Options of {@link nodeMediaLoader}. */
export interface NodeMediaLoaderOptions {
  /** A folder holding the fixtures (default: the package's `media/`). */
  dir?: string;
  /** The module the default folder is looked up from (default this module; tests pass a `dist/` URL). */
  moduleUrl?: string;
}

/**
 * The Node default: reads the committed fixtures from the package's `media/` folder, found from
 * the sources (`src/providers/fake/`) or the built package (`dist/`). Files are read whole: they
 * are a few tens of kilobytes.
 */
export function nodeMediaLoader(options: NodeMediaLoaderOptions = {}): FakeMediaLoader {
  const { dir } = options;
  let resolved: Promise<string> | undefined = dir
    ? Promise.resolve(dir.endsWith('/') ? dir : `${dir}/`)
    : undefined;
  return async (variant, size, seconds) => {
    resolved ??= findMediaDir(options.moduleUrl ?? import.meta.url);
    const root = await resolved.catch((error: unknown) => {
      resolved = undefined;
      throw error;
    });
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(`${root}${fixtureName(variant, size, seconds)}`));
  };
}
