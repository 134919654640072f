import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { errors, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuth } from '../../src/auth/jwt.js';
import type { AuthAdapter } from '../../src/auth/types.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const NOW = Date.UTC(2026, 10, 24, 12, 0);
const seconds = (ms: number) => Math.floor(ms / 1000);

/** A tiny app answering with the identity the adapter found, or 401. */
function appWith(auth: AuthAdapter) {
  const app = new Hono();
  app.get('/me', async (c) => {
    const identity = await auth(c);
    return identity ? c.json(identity) : c.json({ error: { code: 'unauthorized', message: 'no' } }, 401);
  });
  return app;
}

async function hsToken(claims: Record<string, unknown>, options: { exp?: number; secret?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(seconds(NOW))
    .setExpirationTime(options.exp ?? seconds(NOW) + 3600)
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('jwtAuth with a shared secret', () => {
  const app = appWith(
    jwtAuth({ secret: SECRET, issuer: 'https://id.example', audience: 'sora', now: () => NOW }),
  );

  it('trusts a valid token and uses its sub as the identity', async () => {
    const token = await hsToken({ sub: 'user-1', iss: 'https://id.example', aud: 'sora' });
    const res = await app.request('/me', bearer(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'user-1' });
  });

  it.each([
    ['expired', { sub: 'u', iss: 'https://id.example', aud: 'sora' }, { exp: seconds(NOW) - 60 }],
    [
      'signed with another secret',
      { sub: 'u', iss: 'https://id.example', aud: 'sora' },
      { secret: 'x'.repeat(40) },
    ],
    ['from another issuer', { sub: 'u', iss: 'https://evil.example', aud: 'sora' }, {}],
    ['for another audience', { sub: 'u', iss: 'https://id.example', aud: 'other' }, {}],
    ['without a sub', { iss: 'https://id.example', aud: 'sora' }, {}],
  ])('refuses a token %s with 401', async (_name, claims, options) => {
    const res = await app.request('/me', bearer(await hsToken(claims, options)));
    expect(res.status).toBe(401);
  });

  it('refuses a missing, malformed or unsigned token', async () => {
    expect((await app.request('/me')).status).toBe(401);
    expect((await app.request('/me', bearer('not.a.jwt'))).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'u', iss: 'https://id.example', aud: 'sora' })).toString(
      'base64url',
    );
    expect((await app.request('/me', bearer(`${header}.${body}.`))).status).toBe(401);
  });

  it('reads the token from a cookie when configured', async () => {
    const cookieApp = appWith(jwtAuth({ secret: SECRET, cookieName: 'session', now: () => NOW }));
    const token = await hsToken({ sub: 'cookie-user' });
    const res = await cookieApp.request('/me', { headers: { cookie: `session=${token}` } });
    expect(await res.json()).toEqual({ id: 'cookie-user' });
  });

  it('uses another claim as the identity when asked', async () => {
    const emailApp = appWith(jwtAuth({ secret: SECRET, identityClaim: 'email', now: () => NOW }));
    const res = await emailApp.request('/me', bearer(await hsToken({ sub: 'x', email: 'a@b.example' })));
    expect(await res.json()).toEqual({ id: 'a@b.example' });
  });

  it('refuses secrets too short to resist brute force, and ambiguous key options', () => {
    expect(() => jwtAuth({ secret: 'short' })).toThrow(TypeError);
    expect(() => jwtAuth({})).toThrow(TypeError);
    expect(() => jwtAuth({ secret: SECRET, jwksUrl: 'https://x.example/jwks' })).toThrow(TypeError);
  });

  it('refuses a malformed key set or URL when the adapter is made, not at the first token', () => {
    const malformed = [{ keys: 'none' }, { keys: [1] }, { keys: [{ kty: 'EC', f: () => {} }] }];
    for (const jwks of malformed) {
      expect(() => jwtAuth({ jwks: jwks as unknown as JSONWebKeySet })).toThrow(errors.JWKSInvalid);
    }
    expect(() => jwtAuth({ jwksUrl: 'not a url' })).toThrow(TypeError);
  });
});

describe('jwtAuth with a JWKS endpoint', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let publicJwk: JWK;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies an ES256 token against the published keys', async () => {
    const app = appWith(jwtAuth({ jwksUrl, issuer: 'https://tenant.example/', now: () => NOW }));
    const token = await new SignJWT({ sub: 'oidc-user' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://tenant.example/')
      .setExpirationTime(seconds(NOW) + 600)
      .sign(privateKey);
    const res = await app.request('/me', bearer(token));
    expect(await res.json()).toEqual({ id: 'oidc-user' });
  });

  it('refuses an HS256 token signed with the public key (algorithm confusion)', async () => {
    const app = appWith(jwtAuth({ jwksUrl, now: () => NOW }));
    const forged = await new SignJWT({ sub: 'attacker' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setExpirationTime(seconds(NOW) + 600)
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect((await app.request('/me', bearer(forged))).status).toBe(401);
  });

  it('refuses a token signed by a key the set does not hold', async () => {
    const app = appWith(jwtAuth({ jwksUrl, now: () => NOW }));
    const other = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime(seconds(NOW) + 600)
      .sign(other.privateKey);
    expect((await app.request('/me', bearer(token))).status).toBe(401);
  });

  it('throws (a 500, not a 401) when the key set cannot be fetched', async () => {
    const down = new Hono();
    const auth = jwtAuth({ jwksUrl: 'http://127.0.0.1:1/jwks.json', now: () => NOW });
    down.get('/me', async (c) => c.json(await auth(c)));
    const token = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime(seconds(NOW) + 600)
      .sign(privateKey);
    expect((await down.request('/me', bearer(token))).status).toBe(500);
  });
});
