/**
 * Per-client limits on by default: anonymous callers who drop their cookie each time are counted
 * by address, and so are the sessions they mint. Signed-in users are counted by identity only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { identityFrom } from '../../src/auth/request-identity.js';
import { BASE } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A request from `address` as @hono/node-server would hand it over (the socket's peer). */
function from(address: string, path: string, init: RequestInit = {}, cookie?: string) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return h!.app.request(
    `${BASE}${path}`,
    { ...init, headers },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

const create = (prompt: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ prompt }),
});

/** The session cookie of a response, as `name=value`. */
const cookieOf = (res: Response) => res.headers.getSetCookie()[0]?.split(';')[0];

describe('per-client limits by default', () => {
  it('stops one address minting a new anonymous identity per create after 20 a minute', async () => {
    h = createHarness({ quotas: false });
    for (let i = 0; i < 20; i++)
      expect((await from('203.0.113.7', '/videos', create(`clip ${i}`))).status).toBe(202);
    const refused = await from('203.0.113.7', '/videos', create('one more, new cookie again'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    expect(h.double.counters.create).toBe(20);
    // Another address is not affected.
    expect((await from('198.51.100.1', '/videos', create('elsewhere'))).status).toBe(202);
  });

  it('does not count signed-in users by address', async () => {
    h = createHarness({ quotas: false, auth: identityFrom((c) => c.req.header('x-user')) });
    for (let i = 0; i < 25; i++) {
      const res = await from('203.0.113.7', '/videos', {
        ...create(`clip ${i}`),
        headers: { 'content-type': 'application/json', 'x-user': `user-${i}` },
      });
      expect(res.status).toBe(202);
    }
  });

  it('limits new sessions per address, takes the refused cookie back, and keeps capabilities public', async () => {
    h = createHarness({ quotas: false, limits: { sessionsPerClient: { limit: 3, windowSeconds: 600 } } });
    for (let i = 0; i < 3; i++) {
      const res = await from('203.0.113.9', '/videos');
      expect(res.status).toBe(200);
      expect(cookieOf(res)).toMatch(/^sora_kit_session=/);
    }
    const refused = await from('203.0.113.9', '/videos');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(refused.headers.getSetCookie()).toEqual([]);
    const capabilities = await from('203.0.113.9', '/capabilities');
    expect(capabilities.status).toBe(200);
    expect(capabilities.headers.getSetCookie()).toEqual([]);
    // A caller who kept its cookie is not refused; another address still gets a session.
    const kept = cookieOf(await from('198.51.100.2', '/videos'));
    expect((await from('203.0.113.9', '/videos', {}, kept)).status).toBe(200);
  });

  it('counts the address a trusted proxy reports under trustProxy, and only then', async () => {
    const viaProxy = (client: string, prompt: string) =>
      from('10.0.0.2', '/videos', {
        ...create(prompt),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      });
    // Without trust, every request through the proxy is one client: the proxy's address.
    h = createHarness({ quotas: false, limits: { perClient: { limit: 2 } } });
    expect((await viaProxy('203.0.113.1', 'a')).status).toBe(202);
    expect((await viaProxy('203.0.113.2', 'b')).status).toBe(202);
    expect((await viaProxy('203.0.113.3', 'c')).status).toBe(429);
    await h.close();
    // Trusting the proxy, each reported client counts on its own, and a forged header from a
    // client that is not the proxy changes nothing.
    h = createHarness({ quotas: false, trustProxy: '10.0.0.0/8', limits: { perClient: { limit: 2 } } });
    expect((await viaProxy('203.0.113.1', 'a')).status).toBe(202);
    expect((await viaProxy('203.0.113.1', 'b')).status).toBe(202);
    expect((await viaProxy('203.0.113.1', 'c')).status).toBe(429);
    expect((await viaProxy('203.0.113.2', 'd')).status).toBe(202);
    const forged = (n: number) =>
      from('198.51.100.9', '/videos', {
        ...create(`forged ${n}`),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${n}` },
      });
    expect((await forged(1)).status).toBe(202);
    expect((await forged(2)).status).toBe(202);
    expect((await forged(3)).status).toBe(429);
  });

  it('turns off with limits.perClient: false and limits.sessionsPerClient: false', async () => {
    h = createHarness({
      quotas: false,
      limits: { perClient: false, sessionsPerClient: false, rateLimit: false },
    });
    for (let i = 0; i < 35; i++)
      expect((await from('203.0.113.7', '/videos', create(`clip ${i}`))).status).toBe(202);
  });
});
