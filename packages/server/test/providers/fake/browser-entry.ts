/**
 * Loaded by `browser.test.ts` in real Chromium through Vite (as Storybook loads it): drives the
 * fake with the official SDK in a page and publishes what it saw on `window.fakeCheck`.
 */
import { createFakeOpenAI, urlMediaLoader } from '@sora-kit/server/testing';
import OpenAI from 'openai';

async function check() {
  const fake = createFakeOpenAI({
    apiKey: 'sk-browser',
    now: () => Date.UTC(2026, 0, 1),
    media: urlMediaLoader('/media/'),
  });
  const client = new OpenAI({
    apiKey: 'sk-browser',
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
  const video = await client.videos.create({ prompt: 'in a page', size: '1280x720', seconds: '8' });
  await fake.advance(12_000);
  const done = await client.videos.retrieve(video.id);
  const response = await client.videos.downloadContent(video.id);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: done.status,
    contentType: response.headers.get('content-type'),
    box: new TextDecoder().decode(bytes.subarray(4, 8)),
    handlers: fake.handlers().length,
  };
}

const target = window as unknown as { fakeCheck?: unknown };
check().then(
  (result) => {
    target.fakeCheck = result;
  },
  (error: unknown) => {
    target.fakeCheck = { error: String(error instanceof Error ? error.stack : error) };
  },
);
