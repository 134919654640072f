// A sora-kit handler over memory or the default file storage, with completed jobs seeded through
// the public API (create, let the fake finish, poll once), and the session cookie of their owner.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen, loadServer, loadTesting, SECRET, serverDep } from './harness.mjs';

/**
 * `storage`: 'memory' (unstorage memory + memory blobs) or 'fs' (the default: files under a
 * temporary data dir). `jobs` completed jobs are created for one anonymous session.
 */
export async function seededHandler({ storage = 'memory', jobs = 1, options = {} } = {}) {
  const { createSoraHandler, fakeProvider } = await loadServer();
  const { memoryBlobs } = await loadTesting();
  const { createStorage } = await serverDep('unstorage');
  // Seeding runs the fake and the handler on one clock pushed ahead; then the wall clock resumes.
  let offset = 0;
  const clock = () => Date.now() + offset;
  const provider = fakeProvider({ generationSeconds: 4, now: clock });
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-bench-'));
  const handler = createSoraHandler({
    provider,
    secret: SECRET,
    logger: false,
    limits: false,
    quotas: false,
    polling: { leaseSettleMs: 0 },
    now: () => new Date(clock()),
    ...(storage === 'memory' ? { storage: createStorage(), blobs: memoryBlobs() } : { dataDir }),
    ...options,
  });
  let cookie = '';
  const call = async (path, init = {}) => {
    const response = await handler.request(path, {
      ...init,
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return response;
  };
  await call('/capabilities');
  const jobIds = [];
  for (let i = 0; i < jobs; i++) {
    const response = await call('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: `bench job ${i}` }),
    });
    if (response.status !== 202)
      throw new Error(`create answered ${response.status}: ${await response.text()}`);
    jobIds.push((await response.json()).jobId);
  }
  offset += 10_000;
  await provider.fake.advance(0);
  await handler.pollOnce();
  for (const jobId of jobIds) {
    const job = await (await call(`/videos/${jobId}`)).json();
    if (job.status !== 'completed') throw new Error(`seeded job ${jobId} is ${job.status}`);
  }
  const served = await listen(handler.fetch);
  return {
    handler,
    url: served.url,
    cookie,
    jobIds,
    call,
    async close() {
      await served.close();
      await handler.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
