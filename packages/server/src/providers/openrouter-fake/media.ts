/**
 * The bytes the fake serves: the committed sample MP4s in `packages/server/media/` (one per size
 * and length), shared with the OpenAI fake. OpenRouter models have lengths with no sample (Veo's
 * 6 s, Wan's 5 and 10 s): the nearest sample is served, and since the handler reads a job's asset
 * from the stored file, the job then honestly reports the sample's length.
 */

/** Returns the MP4 for a size and length. */
export type FakeMediaSource = (size: string, seconds: number) => Promise<Uint8Array>;

/** The lengths the committed samples come in. */
export const SAMPLE_SECONDS: readonly number[] = [4, 8, 12];

/** The sample length closest to `seconds` (ties go to the longer one). */
export function nearestSampleSeconds(seconds: number): number {
  let best = SAMPLE_SECONDS[0] ?? seconds;
  for (const candidate of SAMPLE_SECONDS) {
    if (Math.abs(candidate - seconds) <= Math.abs(best - seconds)) best = candidate;
  }
  return best;
}

/** The file name of a sample. */
export function sampleName(size: string, seconds: number): string {
  return `video-${size}-${seconds}s.mp4`;
}

// From the sources (src/providers/openrouter-fake/) and from the build (dist/), the samples sit
// at different depths; both are tried.
const CANDIDATE_DIRS = ['../../../media/', '../media/'];

async function readNode(url: URL): Promise<Uint8Array> {
  const fs = await import(/* @vite-ignore */ 'node:fs/promises');
  return new Uint8Array(await fs.readFile(url));
}

async function readBrowser(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`sample ${url.pathname} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const isNode = () =>
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

/** Reads the committed samples from disk (Node) or over HTTP next to the module (browsers). */
export function committedSamples(): FakeMediaSource {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (size, seconds) => {
    const name = sampleName(size, nearestSampleSeconds(seconds));
    let found = cache.get(name);
    if (!found) {
      found = (async () => {
        let last: unknown;
        for (const dir of CANDIDATE_DIRS) {
          try {
            const url = new URL(`${dir}${name}`, import.meta.url);
            return await (isNode() ? readNode(url) : readBrowser(url));
          } catch (error) {
            last = error;
          }
        }
        throw new Error(`no sample video ${name}`, { cause: last });
      })();
      found.catch(() => cache.delete(name));
      cache.set(name, found);
    }
    return found;
  };
}
