/**
 * Hostile job ids and variants — `../x`, `%2e%2e%2f`, very long, binary — answer a 4xx envelope
 * and never touch a file outside the data dir.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

const HOSTILE_IDS = [
  '..',
  '%2e%2e',
  '..%2f..%2f..%2fescaped',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fescaped',
  '..%5c..%5cescaped',
  '%252e%252e%252fescaped',
  'job_1%2f..%2f..%2f..%2fescaped',
  'job:..:..:escaped',
  'job_x%00.mp4',
  '%ff%fe%00%01',
  encodeURIComponent('ジョブ\u202e'),
  'a'.repeat(5000),
  '.',
  '~',
  'job_x?.json',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('hostile ids never escape the data dir', () => {
  let h: Harness;
  let client: JarClient;

  beforeAll(async () => {
    h = createHarness();
    client = jarClient(h.app);
    await client.json('/videos', { prompt: 'a real job, so the stores exist' });
    await h.settle();
  });
  afterAll(() => h.close());

  const calls = (id: string): [string, RequestInit?][] => [
    [`/videos/${id}`],
    [`/videos/${id}/events`],
    [`/videos/${id}/media?variant=video`],
    [`/videos/${id}/retry`, { method: 'POST' }],
    [
      `/videos/${id}/remix`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"x"}' },
    ],
    [`/videos/${id}`, { method: 'DELETE' }],
    [`/media/${id}/video?exp=9999999999&sig=x`],
    [`/media/job_x/${id}?exp=9999999999&sig=x`],
    [`/videos/job_x/media?variant=${id}`],
    [`/webhooks/${id}`, { method: 'POST', body: '{}' }],
  ];

  for (const id of HOSTILE_IDS) {
    it(`answers a 4xx envelope for ${JSON.stringify(id.slice(0, 40))}`, async () => {
      for (const [path, init] of calls(id)) {
        // `..` and `%2e%2e` segments are resolved by the URL parser before any request is sent
        // (`/videos/../events` is `/events`); such a call never reaches the server with the id.
        if (new URL(path, BASE).pathname !== path.split('?')[0]) continue;
        const res = await client.request(path, init);
        const text = await res.text();
        expect(res.status, `${init?.method ?? 'GET'} ${path.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${init?.method ?? 'GET'} ${path.slice(0, 80)} → ${text}`).toBeLessThan(500);
        const body = JSON.parse(text);
        expect(body.error.code).toEqual(expect.any(String));
        expect(body.error.message).toEqual(expect.any(String));
      }
    });
  }

  it('created no file outside the data dir, and none named after an attack', () => {
    const files = filesUnder(h.root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(relative(h.dataDir, file).startsWith('..'), file).toBe(false);
      expect(file).not.toContain('escaped');
    }
  });
});
