import { describe, expect, it } from 'vitest';
import { assertSafeKey } from '../../src/blobs/safe-key.js';
import { blobKey, jobBlobKeys } from '../../src/media/blob-keys.js';

describe('blob keys', () => {
  it('names each variant of a job under the job', () => {
    expect(blobKey('job_01JD', 'video')).toBe('videos/job_01JD/video.mp4');
    expect(blobKey('job_01JD', 'thumbnail')).toBe('videos/job_01JD/thumbnail.jpg');
    expect(blobKey('job_01JD', 'spritesheet')).toBe('videos/job_01JD/spritesheet.jpg');
    expect(blobKey('job_01JD', 'reference')).toBe('videos/job_01JD/reference');
    expect(jobBlobKeys('job_1')).toHaveLength(4);
  });

  it.each(['..', '../x', 'a/b', '%2e%2e', '.hidden', 'a b', '', 'job\u0000', 'x'.repeat(200)])(
    'refuses the job id %j that could escape or alias',
    (jobId) => {
      expect(() => blobKey(jobId, 'video')).toThrow(TypeError);
    },
  );

  it('refuses an unknown variant, even an inherited property name', () => {
    expect(() => blobKey('job_1', 'constructor' as 'video')).toThrow(TypeError);
    expect(() => blobKey('job_1', '../x' as 'video')).toThrow(TypeError);
  });

  it.each(['a/../b', 'a/./b', '/a', 'a/', 'a//b', 'a\\b', 'a/%2e%2e', 'a/.b'])(
    'refuses the store key %j',
    (key) => {
      expect(() => assertSafeKey(key)).toThrow(TypeError);
    },
  );
});
