/** Signed media links: tampered, expired, moved to another job or variant, or of a deleted job. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

describe('signed media links', () => {
  let h: Harness;
  let alice: JarClient;
  let anonymous: JarClient;
  let jobA: string;
  let jobB: string;

  async function link(jobId: string, variant = 'video', download = false): Promise<URL> {
    const res = await alice.request(
      `/videos/${jobId}/media?variant=${variant}${download ? '&download=1' : ''}`,
    );
    expect(res.status).toBe(200);
    return new URL((await res.json()).url, BASE);
  }
  const get = (url: URL | string, init?: RequestInit) =>
    anonymous.request(typeof url === 'string' ? url : url.pathname + url.search, init);

  /** The status of a response whose body is not needed (cancelled, so no file stays open). */
  async function statusOf(pending: Promise<Response>): Promise<number> {
    const res = await pending;
    await res.body?.cancel();
    return res.status;
  }

  async function expectForbidden(res: Response) {
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  }

  beforeAll(async () => {
    h = createHarness();
    alice = jarClient(h.app);
    anonymous = jarClient(h.app);
    jobA = (await (await alice.json('/videos', { prompt: 'a' })).json()).jobId;
    jobB = (await (await alice.json('/videos', { prompt: 'b' })).json()).jobId;
    await h.settle();
  });
  afterAll(() => h.close());

  it('works without cookies, with ranges', async () => {
    const url = await link(jobA);
    expect(url.origin).toBe(BASE);
    const res = await get(url, { headers: { range: 'bytes=0-9' } });
    expect(res.status).toBe(206);
    expect((await res.arrayBuffer()).byteLength).toBe(10);
  });

  it('refuses a tampered signature', async () => {
    const url = await link(jobA);
    const sig = url.searchParams.get('sig') ?? '';
    url.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    await expectForbidden(await get(url));
    url.searchParams.delete('sig');
    await expectForbidden(await get(url));
  });

  it('has exactly one spelling: every other spelling of the signature or expiry is refused', async () => {
    const url = await link(jobA);
    const sig = url.searchParams.get('sig') ?? '';
    const exp = url.searchParams.get('exp') ?? '';
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    const respell = (name: string, value: string) => {
      const other = new URL(url);
      other.searchParams.set(name, value);
      return get(other);
    };
    // Each of the 16 possible last characters, and the same bytes in upper case or with padding.
    const lastChars = '0123456789abcdef'.split('').filter((ch) => ch !== sig.at(-1));
    for (const ch of lastChars) await expectForbidden(await respell('sig', sig.slice(0, -1) + ch));
    await expectForbidden(await respell('sig', sig.toUpperCase()));
    await expectForbidden(await respell('sig', `${sig}=`));
    await expectForbidden(await respell('sig', Buffer.from(sig, 'hex').toString('base64url')));
    await expectForbidden(await respell('exp', `0${exp}`));
    await expectForbidden(await respell('exp', `${exp}.0`));
    expect(await statusOf(get(url))).toBe(200);
  });

  it('refuses a link whose expiry was pushed back', async () => {
    const url = await link(jobA);
    url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    await expectForbidden(await get(url));
  });

  it('refuses an expired link (15 minutes by default)', async () => {
    const url = await link(jobA);
    h.clock.advance(15 * 60_000 + 1000);
    await expectForbidden(await get(url));
    h.clock.advance(-(15 * 60_000 + 1000));
    expect(await statusOf(get(url))).toBe(200);
  });

  it('refuses a link moved to another job or another variant', async () => {
    const url = await link(jobA);
    await expectForbidden(await get(url.pathname.replace(jobA, jobB) + url.search));
    await expectForbidden(await get(url.pathname.replace('/video', '/thumbnail') + url.search));
  });

  it('refuses a download link turned into an inline one and the reverse', async () => {
    const download = await link(jobA, 'video', true);
    download.searchParams.delete('dl');
    await expectForbidden(await get(download));
    const inline = await link(jobA);
    inline.searchParams.set('dl', '1');
    await expectForbidden(await get(inline));
  });

  it('stops working once the job is deleted', async () => {
    const url = await link(jobB);
    expect(await statusOf(get(url))).toBe(200);
    expect((await alice.request(`/videos/${jobB}`, { method: 'DELETE' })).status).toBe(204);
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect((await res.json()).error.code).toMatch(/^(forbidden|not_found)$/);
  });
});
