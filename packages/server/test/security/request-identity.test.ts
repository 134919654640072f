import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { firstIdentity, identityFrom } from '../../src/auth/request-identity.js';
import type { AuthAdapter } from '../../src/auth/types.js';

async function resolve(auth: AuthAdapter, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.get('/', async (c) => c.json({ identity: await auth(c) }));
  return ((await (await app.request('/', { headers })).json()) as { identity: unknown }).identity;
}

describe('identityFrom', () => {
  it('turns a bare user id from the host session into an identity', async () => {
    expect(
      await resolve(
        identityFrom((c) => c.req.header('x-user')),
        { 'x-user': 'u1' },
      ),
    ).toEqual({ id: 'u1' });
  });

  it('treats undefined, empty and over-long ids as nobody', async () => {
    expect(await resolve(identityFrom(() => undefined))).toBeNull();
    expect(await resolve(identityFrom(() => ''))).toBeNull();
    expect(await resolve(identityFrom(() => ({ id: 'x'.repeat(201) })))).toBeNull();
  });
});

describe('firstIdentity', () => {
  it('answers with the first adapter that knows the caller', async () => {
    const auth = firstIdentity(
      () => null,
      async () => ({ id: 'second' }),
      () => ({ id: 'third' }),
    );
    expect(await resolve(auth)).toEqual({ id: 'second' });
    expect(await resolve(firstIdentity(() => null))).toBeNull();
  });
});
