/** The catalogue: which clips, sizes and lengths the package holds, and their file names. */

/** The eight scenes, in the order a clip number picks them (keep in step with scripts/make-media.sh). */
export const CLIPS = ['dawn', 'lagoon', 'fractal', 'meadow', 'loom', 'carpet', 'aurora', 'orbit'] as const;

/** One of {@link CLIPS}. */
export type ClipName = (typeof CLIPS)[number];

/** Every size a clip exists in (the fakes' sizes: 720p and 1080p both ways, 1792x1024, 1024x1792). */
export const SIZES = ['1280x720', '720x1280', '1792x1024', '1024x1792', '1920x1080', '1080x1920'] as const;

/** Every length a clip exists in, in seconds. */
export const LENGTHS = [4, 8, 12] as const;

/** A downloadable asset of a video. */
export type SampleVariant = 'video' | 'thumbnail' | 'spritesheet';

/** The content type of each variant. */
export const CONTENT_TYPES: Readonly<Record<SampleVariant, string>> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/** The clip a number picks: any integer works, it wraps around the catalogue. */
export function clipName(clip: number): ClipName {
  const count = CLIPS.length;
  const index = ((Math.trunc(clip) % count) + count) % count;
  return CLIPS[index] ?? CLIPS[0];
}

/** The length a file exists for: the longest one not longer than `seconds` (else the shortest). */
export function sampleSeconds(seconds: number): number {
  const fitting = LENGTHS.filter((length) => length <= seconds);
  return fitting.length > 0 ? Math.max(...fitting) : LENGTHS[0];
}

/**
 * The file's path inside `media/`, e.g. `aurora/video-1280x720-8s.mp4`, `aurora/thumbnail-1280x720.jpg`.
 * Throws for a size the package does not hold.
 */
export function samplePath(variant: SampleVariant, size: string, seconds: number, clip: number): string {
  if (!(SIZES as readonly string[]).includes(size)) {
    throw new Error(`@sora-kit/sample-media: no sample in size ${size} (sizes: ${SIZES.join(', ')})`);
  }
  const folder = clipName(clip);
  if (variant === 'video') return `${folder}/video-${size}-${sampleSeconds(seconds)}s.mp4`;
  return `${folder}/${variant}-${size}.jpg`;
}
