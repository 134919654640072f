/** Builds a handler over memory storage, temp-dir blobs, a manual clock and the memory provider. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage, type Storage } from 'unstorage';
import { fsBlobs } from '../../src/blobs/fs.js';
import type { BlobStore } from '../../src/blobs/types.js';
import { createSoraHandler, type SoraHandler } from '../../src/handler.js';
import type { SoraHandlerOptions } from '../../src/options.js';
import type { VideoProvider } from '../../src/providers/types.js';
import { type ManualClock, manualClock } from './clock.js';
import { type MemoryProviderOptions, memoryProvider } from './memory-provider.js';

export const SECRET = 'test-secret-test-secret-test-secret-0123';

/** A browser: a cookie jar over `handler.request`. */
export function browser(
  handler: { request: SoraHandler['request'] },
  base = 'http://localhost',
  jar = { cookie: '' },
) {
  return {
    /** The same user (cookie jar) talking to another instance. */
    using(other: { request: SoraHandler['request'] }) {
      return browser(other, base, jar);
    },
    async fetch(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      if (jar.cookie) headers.set('cookie', jar.cookie);
      const response = await handler.request(`${base}${path}`, { ...init, headers });
      const set = response.headers.get('set-cookie');
      if (set) jar.cookie = set.split(';')[0] ?? '';
      return response;
    },
    async json<T = unknown>(
      path: string,
      init: RequestInit = {},
    ): Promise<{ status: number; body: T; response: Response }> {
      const response = await this.fetch(path, init);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, response };
    },
    post(path: string, body: unknown, headers: Record<string, string> = {}) {
      return this.json(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      });
    },
  };
}

/** Everything a handler test needs. */
export interface Harness {
  handler: SoraHandler;
  clock: ManualClock;
  storage: Storage;
  blobs: BlobStore;
  dir: string;
  fake: ReturnType<typeof memoryProvider>;
  /** A second handler instance over the same storage and blobs (a restart, or another instance). */
  restart(overrides?: Partial<SoraHandlerOptions>): SoraHandler;
  /** Advances the clock in steps, running a polling pass after each. */
  run(ms: number, stepMs?: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** Creates a harness. */
export async function harness(
  overrides: Partial<SoraHandlerOptions> = {},
  providerOptions: Partial<MemoryProviderOptions> = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'sora-handler-'));
  const clock = manualClock();
  const storage = createStorage();
  const blobs = fsBlobs(join(dir, 'blobs'));
  const fake = memoryProvider({ clock, ...providerOptions });
  const make = (extra: Partial<SoraHandlerOptions> = {}, provider: VideoProvider = fake.provider) =>
    createSoraHandler({
      provider,
      secret: SECRET,
      storage,
      blobs,
      now: clock.now,
      logger: false,
      polling: { leaseSettleMs: 0 },
      // The handler's own tests create freely; admission has its own tests.
      limits: false,
      quotas: false,
      ...overrides,
      ...extra,
    });
  const handler = make();
  const instances = [handler];
  return {
    handler,
    clock,
    storage,
    blobs,
    dir,
    fake,
    restart(extra) {
      const next = make(extra);
      instances.push(next);
      return next;
    },
    async run(ms, stepMs = 1000) {
      for (let t = 0; t < ms; t += stepMs) {
        clock.advance(stepMs);
        await handler.pollOnce();
      }
    },
    async cleanup() {
      await Promise.all(instances.map((h) => h.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
