/**
 * `jwtAuth`: identities from JSON Web Tokens, signed with a shared secret (HS256) or by an OIDC
 * provider's published keys (JWKS: Auth0, Clerk, Cognito, Keycloak, …). Verification is jose's.
 */
import type { Context } from 'hono';
// jose's subpath entries: its root entry loads every JWE/JWS/key module (46) at every cold start.
import type { JSONWebKeySet, JWTPayload } from 'jose';
import * as errors from 'jose/errors';
import { requestCookie, requestHeader } from '../request-headers.js';
import { keyFrom, loadJwtVerify } from './jwt-keys.js';
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

/** Tokens longer than this are refused unread: no one's identity needs 16 KB. */
const MAX_TOKEN_CHARS = 16 * 1024;
const MAX_IDENTITY_CHARS = 200;

/** The bearer token of a request: the `Authorization` header first, then the named cookie. */
export function tokenFrom(c: Context, cookieName?: string): string | undefined {
  const header = requestHeader(c, 'authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1] ?? (cookieName ? requestCookie(c, cookieName) : undefined);
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
      const [jwtVerify, verifyKey] = await Promise.all([loadJwtVerify(), key()]);
      const { payload } =
        verifyKey instanceof Uint8Array
          ? await jwtVerify(token, verifyKey, { ...verifyOptions, currentDate })
          : await jwtVerify(token, verifyKey, { ...verifyOptions, currentDate });
      return identityOf(payload, claim);
    } catch (error) {
      if (isTokenError(error)) return null;
      throw error;
    }
  };
}
