/**
 * `jwtAuth`: identities from JSON Web Tokens, signed with a shared secret (HS256) or by an OIDC
 * provider's published keys (JWKS: Auth0, Clerk, Cognito, Keycloak, …). Verification is jose's.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
// jose's subpath entries: its root entry loads every JWE/JWS/key module, a third of the cold start.
import type { JSONWebKeySet, JWTPayload } from 'jose';
import * as errors from 'jose/errors';
import { createLocalJWKSet } from 'jose/jwks/local';
import { createRemoteJWKSet } from 'jose/jwks/remote';
import { type JWTVerifyGetKey, jwtVerify } from 'jose/jwt/verify';
import type { AuthAdapter, Identity } from './types.js';

/** Options of {@link jwtAuth}: exactly one of `secret`, `jwksUrl` or `jwks`. */
export interface JwtAuthOptions {
  /** HS256 shared secret, at least 32 bytes. */
  secret?: string | Uint8Array;
  /** The provider's JWKS endpoint (e.g. `https://tenant.auth0.com/.well-known/jwks.json`); RS256/ES256/PS256/EdDSA. */
  jwksUrl?: string | URL;
  /** A key set held locally instead of fetched (tests, pinned keys). */
  jwks?: JSONWebKeySet;
  /** Required `iss` claim (one of, when a list). */
  issuer?: string | string[];
  /** Required `aud` claim (one of, when a list). */
  audience?: string | string[];
  /** Also read the token from this cookie when there is no `Authorization: Bearer` header. */
  cookieName?: string;
  /** The claim that names the identity. Default `sub`. */
  identityClaim?: string;
  /** Leeway for `exp` and `nbf`, in seconds. Default 5. */
  clockToleranceSeconds?: number;
  /** Accepted algorithms; defaults to `HS256` for a secret and the asymmetric ones for a key set. */
  algorithms?: string[];
  /** The current time in epoch ms (tests inject a clock). */
  now?: () => number;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Tokens longer than this are refused unread: no one's identity needs 16 KB. */
const MAX_TOKEN_CHARS = 16 * 1024;
const MAX_IDENTITY_CHARS = 200;

type KeyInput = Uint8Array | JWTVerifyGetKey;

function keyFrom(options: JwtAuthOptions): { key: KeyInput; algorithms: string[] } {
  const given = [options.secret, options.jwksUrl, options.jwks].filter((k) => k !== undefined);
  if (given.length !== 1) throw new TypeError('jwtAuth needs exactly one of secret, jwksUrl or jwks');
  if (options.secret !== undefined) {
    const key =
      typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    // A short HMAC secret can be brute-forced offline from any token a user holds.
    if (key.byteLength < 32) throw new TypeError('jwtAuth secret must be at least 32 bytes');
    return { key, algorithms: options.algorithms ?? ['HS256'] };
  }
  const key = options.jwks
    ? createLocalJWKSet(options.jwks)
    : createRemoteJWKSet(new URL(String(options.jwksUrl)));
  // Never accept HS* with a public key set: that is the classic algorithm-confusion forgery.
  const algorithms = (options.algorithms ?? ASYMMETRIC).filter((a) => !a.startsWith('HS'));
  return { key, algorithms };
}

/** The bearer token of a request: the `Authorization` header first, then the named cookie. */
export function tokenFrom(c: Context, cookieName?: string): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1] ?? (cookieName ? getCookie(c, cookieName) : undefined);
  return token && token.length <= MAX_TOKEN_CHARS ? token : undefined;
}

function identityOf(payload: JWTPayload, claim: string): Identity | null {
  const value = Object.hasOwn(payload, claim) ? payload[claim] : undefined;
  const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_IDENTITY_CHARS) return null;
  return { id };
}

/** Whether an error means "this token is not valid" (→ 401) rather than "the key set is unreachable". */
function isTokenError(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return false;
  return !(
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === 'ERR_JOSE_GENERIC'
  );
}

/**
 * An {@link AuthAdapter} that trusts a verified JWT. A missing, malformed, forged or expired token,
 * or one with the wrong issuer or audience, gives `null` (401 `unauthorized`). A key set that
 * cannot be fetched throws, so an outage shows as a 500 in the host's logs, not as bad credentials.
 *
 * @example
 * createSoraHandler({ auth: jwtAuth({ jwksUrl: 'https://example.auth0.com/.well-known/jwks.json',
 *   issuer: 'https://example.auth0.com/', audience: 'https://api.example.com' }) });
 */
export function jwtAuth(options: JwtAuthOptions): AuthAdapter {
  const { key, algorithms } = keyFrom(options);
  const claim = options.identityClaim ?? 'sub';
  const verifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSeconds ?? 5,
  };
  return async (c) => {
    const token = tokenFrom(c, options.cookieName);
    if (!token) return null;
    try {
      const currentDate = options.now ? new Date(options.now()) : undefined;
      const { payload } =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, { ...verifyOptions, currentDate })
          : await jwtVerify(token, key, { ...verifyOptions, currentDate });
      return identityOf(payload, claim);
    } catch (error) {
      if (isTokenError(error)) return null;
      throw error;
    }
  };
}
