/** The client in a real page: relative endpoints, multipart uploads and the page-wide registry. */
import { describe, expect, it } from 'vitest';
import { createSoraClient, getStore } from '../../src/index.js';
import { job } from '../harness.js';

function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    if (request.method === 'POST') return Response.json(job(), { status: 202 });
    return Response.json({ items: [], nextCursor: null });
  };
  return { fetch, requests };
}

describe('the client in a page', () => {
  it('resolves a relative endpoint against the page', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createSoraClient({ endpoint: '/api/sora', fetch });
    expect(client.endpoint).toBe(`${location.origin}/api/sora`);
    await client.listVideos({ limit: 3 });
    expect(requests[0]?.url).toBe(`${location.origin}/api/sora/videos?limit=3`);
  });

  it('uploads a reference image as multipart from a File', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createSoraClient({ endpoint: '/api/sora', fetch });
    const canvas = new OffscreenCanvas(4, 4);
    canvas.getContext('2d')?.fillRect(0, 0, 4, 4);
    const image = await canvas.convertToBlob({ type: 'image/png' });
    await client.createVideo({
      prompt: 'from this frame',
      inputReference: new File([image], 'frame.png', { type: 'image/png' }),
    });
    const form = await requests[0]?.formData();
    expect(form?.get('prompt')).toBe('from this frame');
    const file = form?.get('input_reference') as File;
    expect(file.name).toBe('frame.png');
    expect(file.size).toBe(image.size);
    expect(requests[0]?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('getStore shares one store per endpoint across the page, also for the absolute spelling', () => {
    const store = getStore('/api/sora-shared');
    expect(getStore(`${location.origin}/api/sora-shared/`)).toBe(store);
    const registry = (globalThis as Record<symbol, Map<string, unknown>>)[
      Symbol.for('@sora-kit/core:stores@1')
    ];
    expect(registry?.get(`${location.origin}/api/sora-shared`)).toBe(store);
    store.dispose();
    expect(registry?.has(`${location.origin}/api/sora-shared`)).toBe(false);
  });
});
