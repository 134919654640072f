/**
 * Loaders returning a sample's bytes. Both are browser-safe to import: Node's file system is only
 * imported (dynamically) when the Node loader first reads.
 */
import { type SampleVariant, samplePath } from './clips.js';

/** Loads one asset of the clip numbered `clip` (any integer) for a video of `size` lasting `seconds`. */
export type SampleMediaLoader = (
  variant: SampleVariant,
  size: string,
  seconds: number,
  clip: number,
) => Promise<Uint8Array | ReadableStream<Uint8Array>>;

/** Options of {@link nodeMediaLoader}. */
export interface NodeMediaLoaderOptions {
  /** A folder laid out like the package's `media/` (default: the package's own). */
  dir?: string | URL;
}

/**
 * Reads samples from the package's `media/` folder (found next to `src/` and `dist/` alike).
 * Files are read whole: the largest is about a hundred kilobytes.
 */
export function nodeMediaLoader(options: NodeMediaLoaderOptions = {}): SampleMediaLoader {
  // `../media/` from src/ (sources) and dist/ (the published build) alike.
  const root = options.dir ?? new URL('../media/', import.meta.url);
  const base = typeof root === 'string' && !root.endsWith('/') ? `${root}/` : root;
  return async (variant, size, seconds, clip) => {
    const { readFile } = await import('node:fs/promises');
    const path = samplePath(variant, size, seconds, clip);
    return new Uint8Array(await readFile(typeof base === 'string' ? `${base}${path}` : new URL(path, base)));
  };
}

/**
 * Fetches samples from a URL prefix serving the package's `media/` folder, e.g. Storybook's static
 * dir `/sora-kit-media/`. A relative prefix resolves against the page.
 */
export function urlMediaLoader(baseUrl: string | URL, fetcher: typeof fetch = fetch): SampleMediaLoader {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  return async (variant, size, seconds, clip) => {
    const path = samplePath(variant, size, seconds, clip);
    const response = await fetcher(new URL(path, new URL(baseUrl, page)));
    if (!response.ok || !response.body) throw new Error(`Sample ${path}: HTTP ${response.status}`);
    return response.body;
  };
}
