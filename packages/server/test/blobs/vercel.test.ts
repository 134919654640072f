import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vercelBlobs } from '../../src/blobs/vercel.js';
import { streamOf } from '../media/helpers.js';
import { blobStoreContract, knownBytes } from './contract.js';
import { vercelBlobMock } from './vercel-mock.js';

const token = 'vercel_blob_rw_teststore123_secretpart';
const mock = vercelBlobMock({ storeId: 'teststore123', token });
const server = setupServer(...mock.handlers);
let api: { apiUrl: string; close(): Promise<void> };

beforeAll(async () => {
  api = await mock.listen();
  // The SDK reads its API address from the environment at call time.
  process.env.VERCEL_BLOB_API_URL = api.apiUrl;
  process.env.VERCEL_BLOB_RETRIES = '0';
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await api.close();
});
beforeEach(() => mock.blobs.clear());

blobStoreContract('vercelBlobs', () => vercelBlobs({ token, prefix: 'test/' }));

describe('vercelBlobs specifics', () => {
  it('stores under the prefix, privately, and reads with the token', async () => {
    const blobs = vercelBlobs({ token, prefix: 'app/' });
    await blobs.put('videos/job_1/video.mp4', streamOf(knownBytes(100)), { contentType: 'video/mp4' });
    expect([...mock.blobs.keys()]).toEqual(['app/videos/job_1/video.mp4']);
    expect(await blobs.publicUrl?.('videos/job_1/video.mp4', { expiresAt: new Date() })).toBeNull();
  });

  it('links public stores straight to the CDN, with a download flag', async () => {
    const blobs = vercelBlobs({ token, access: 'public' });
    await blobs.put('videos/job_2/video.mp4', streamOf(knownBytes(100)), { contentType: 'video/mp4' });
    const url = await blobs.publicUrl?.('videos/job_2/video.mp4', {
      expiresAt: new Date(),
      download: 'clip.mp4',
    });
    expect(url).toBe('https://teststore123.public.blob.vercel-storage.com/videos/job_2/video.mp4?download=1');
  });

  it('fails clearly without a read-write token', async () => {
    const blobs = vercelBlobs({ token: 'nonsense' });
    await expect(blobs.get('videos/job_3/video.mp4')).rejects.toThrow(/token/);
  });
});
