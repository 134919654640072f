/**
 * The verification key of `jwtAuth`: checked when the adapter is made, so a bad secret or key set
 * still fails at start, and built with the first token, so jose's key and verification modules
 * are not loaded at every cold start of a server that never sees one.
 */
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { JWKSInvalid } from 'jose/errors';

/** What jose's `jwtVerify` takes as the key. */
export type KeyInput = Uint8Array | JWTVerifyGetKey;

/** Where the keys come from: exactly one of the three. */
export interface KeyOptions {
  secret?: string | Uint8Array;
  jwksUrl?: string | URL;
  jwks?: JSONWebKeySet;
  algorithms?: string[];
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** A copy of the set, refused as `createLocalJWKSet` refuses one (same error, same message). */
function snapshotOf(jwks: JSONWebKeySet): JSONWebKeySet {
  let snapshot: unknown;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new JWKSInvalid('JSON Web Key Set malformed', { cause });
  }
  const keys = isPlainObject(snapshot) ? snapshot.keys : undefined;
  if (!Array.isArray(keys) || !keys.every(isPlainObject)) throw new JWKSInvalid('JSON Web Key Set malformed');
  return snapshot as unknown as JSONWebKeySet;
}

/** Runs `make` once, on the first call. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** The key (built on first use) and the algorithms it may verify. */
export function keyFrom(options: KeyOptions): { key: () => Promise<KeyInput>; algorithms: string[] } {
  const given = [options.secret, options.jwksUrl, options.jwks].filter((k) => k !== undefined);
  if (given.length !== 1) throw new TypeError('jwtAuth needs exactly one of secret, jwksUrl or jwks');
  if (options.secret !== undefined) {
    const key =
      typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    // A short HMAC secret can be brute-forced offline from any token a user holds.
    if (key.byteLength < 32) throw new TypeError('jwtAuth secret must be at least 32 bytes');
    return { key: async () => key, algorithms: options.algorithms ?? ['HS256'] };
  }
  let key: () => Promise<KeyInput>;
  if (options.jwks) {
    const snapshot = snapshotOf(options.jwks);
    key = once(async () => (await import('jose/jwks/local')).createLocalJWKSet(snapshot));
  } else {
    const url = new URL(String(options.jwksUrl));
    key = once(async () => (await import('jose/jwks/remote')).createRemoteJWKSet(url));
  }
  // Never accept HS* with a public key set: that is the classic algorithm-confusion forgery.
  const algorithms = (options.algorithms ?? ASYMMETRIC).filter((a) => !a.startsWith('HS'));
  return { key, algorithms };
}

/** jose's `jwtVerify`, imported with the first token. */
export const loadJwtVerify = once(async () => (await import('jose/jwt/verify')).jwtVerify);
