/**
 * Reads a stored MP4's real properties (duration, width, height) with mp4box, fetching only the
 * parts it needs: the start of the file holds the `moov` of a +faststart file; when the `moov` is
 * at the end, mp4box names the next offset it needs and we jump there past the media data.
 */
import type { Movie } from 'mp4box';
import { collectBytes } from '../blobs/streams.js';
import type { BlobStore } from '../blobs/types.js';
import { InvalidMediaError } from './errors.js';

/** What {@link probeVideo} learned from the file. */
export interface VideoProbe {
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  /** Duration in seconds, to the millisecond. */
  seconds: number;
}

/** Options of {@link probeVideo}. */
export interface ProbeOptions {
  /** Bytes fetched per read; the default suits a `moov` at the start of small clips. */
  chunkBytes?: number;
  /** Reads allowed before giving up on a file that never yields a `moov`. */
  maxReads?: number;
}

/**
 * Probes the MP4 stored under `key`.
 *
 * @throws InvalidMediaError when the blob is missing, is not an MP4, or has no video track.
 */
export async function probeVideo(
  blobs: BlobStore,
  key: string,
  options: ProbeOptions = {},
): Promise<VideoProbe> {
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  const maxReads = options.maxReads ?? 64;
  const info = await blobs.stat(key);
  if (!info) throw new InvalidMediaError(`No stored video under ${key}`);

  // Loaded when a copy first probes a video, not at startup.
  const { createFile, MP4BoxBuffer } = await import('mp4box');
  const file = createFile(false);
  let movie: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (ready) => {
    movie = ready;
  };
  file.onError = (_module, message) => {
    failure = message;
  };

  let position = 0;
  for (let reads = 0; !movie && !failure && position < info.bytes && reads < maxReads; reads++) {
    const end = Math.min(info.bytes, position + chunkBytes) - 1;
    const chunk = await readRange(blobs, key, position, end);
    if (chunk.byteLength === 0) break;
    const isLast = position + chunk.byteLength >= info.bytes;
    const next = file.appendBuffer(
      MP4BoxBuffer.fromArrayBuffer(chunk.buffer as ArrayBuffer, position),
      isLast,
    );
    // mp4box answers the offset it wants next: past an `mdat` it has only seen the header of.
    position = typeof next === 'number' && next > position ? next : position + chunk.byteLength;
  }
  if (!movie) file.flush();
  if (!movie) throw new InvalidMediaError(failure ?? `No moov box found in ${key}`);
  return describe(movie, info.bytes);
}

function describe(movie: Movie, bytes: number): VideoProbe {
  const track = movie.videoTracks[0];
  if (!track) throw new InvalidMediaError('The MP4 has no video track');
  const width = track.video?.width ?? Math.round(track.track_width);
  const height = track.video?.height ?? Math.round(track.track_height);
  const duration = durationOf(movie, track);
  if (!(width > 0 && height > 0 && Number.isFinite(duration)))
    throw new InvalidMediaError('Unreadable video track');
  return { contentType: 'video/mp4', bytes, width, height, seconds: Math.round(duration * 1000) / 1000 };
}

/** Seconds from the movie header; a fragmented MP4 (duration 0 there) says it in `mehd` or its tracks. */
function durationOf(movie: Movie, track: Movie['videoTracks'][number]): number {
  if (movie.duration > 0 && movie.timescale > 0) return movie.duration / movie.timescale;
  const fragments = movie.fragment_duration;
  if (fragments && fragments.num > 0 && fragments.den > 0) return fragments.num / fragments.den;
  return track.timescale > 0 ? track.duration / track.timescale : Number.NaN;
}

/** Reads one range of a blob into a fresh buffer (bounded by the caller's chunk size). */
async function readRange(blobs: BlobStore, key: string, start: number, end: number): Promise<Uint8Array> {
  const result = await blobs.get(key, { start, end });
  if (!result) throw new InvalidMediaError(`The stored video under ${key} disappeared`);
  return collectBytes(result.body);
}
