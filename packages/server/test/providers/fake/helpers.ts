/** Shared set-up: a fake on a frozen clock and the official SDK pointed at it in-process. */
import { createFakeOpenAI, type FakeOpenAIOptions } from '@sora-kit/server/testing';
import OpenAI from 'openai';

/** 2026-03-01T00:00:00Z, in epoch ms: the frozen base of the fake's clock in tests. */
export const T0 = Date.UTC(2026, 2, 1);

/** A fake (manual clock from {@link T0}, key `sk-test`) and an SDK client without retries. */
export function setup(options: FakeOpenAIOptions = {}, maxRetries = 0) {
  const fake = createFakeOpenAI({ apiKey: 'sk-test', now: () => T0, ...options });
  const client = new OpenAI({
    apiKey: 'sk-test',
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
    maxRetries,
  });
  return { fake, client };
}

/** The first bytes of an MP4: a `ftyp` box at offset 4. */
export function isMp4(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(4, 8)) === 'ftyp';
}

/** The JPEG start-of-image marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}
