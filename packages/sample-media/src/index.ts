/**
 * `@sora-kit/sample-media`: the committed sample clips the fake providers of `@sora-kit/server`
 * serve — eight generated scenes in every size and length the fakes offer, each with a poster
 * and a spritesheet — and the loaders that read them (Node files, or URLs in a browser).
 */
export {
  CLIPS,
  type ClipName,
  CONTENT_TYPES,
  clipName,
  LENGTHS,
  type SampleVariant,
  SIZES,
  samplePath,
  sampleSeconds,
} from './clips.js';
export {
  type NodeMediaLoaderOptions,
  nodeMediaLoader,
  type SampleMediaLoader,
  urlMediaLoader,
} from './loaders.js';
