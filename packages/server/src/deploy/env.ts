/**
 * A deployment read from environment variables: where job records live (and so how processes
 * coordinate), where video copies live, and which role this process plays. Used by the demo server
 * and the `sora-kit worker` command; a host with its own configuration calls the factories directly.
 *
 *   SORA_KIT_STORAGE    `fs` (default: files under the data dir, one process), `redis://…` or `postgres://…`
 *   SORA_KIT_BLOBS      `fs` (default) or `s3://bucket[/prefix]` (AWS_REGION, AWS_ACCESS_KEY_ID,
 *                       AWS_SECRET_ACCESS_KEY; SORA_KIT_S3_ENDPOINT for S3-compatible stores)
 *   SORA_KIT_ROLE       `all` (default), `web` (serves, never polls) or `worker` (refreshes, copies, notifies)
 *   SORA_KIT_NAMESPACE  key prefix on Redis, table prefix on PostgreSQL (default `sora_kit`)
 */

import type { BlobStore } from '../blobs/types.js';
import { connectPool, postgresCoordination } from '../coordination/postgres.js';
import { FAIL_FAST_REDIS_OPTIONS, redact, redisCoordination } from '../coordination/redis.js';
import type { Coordination } from '../coordination/types.js';
import { importOptional } from '../optional-peer.js';
import { postgresStorage } from '../storage/postgres.js';
import type { SoraStorage } from '../storage.js';

/** What a process does: everything, only serving, or only the background work. */
export type SoraRole = 'all' | 'web' | 'worker';

/** A configuration mistake, told in one line (the message names the variable and what to set). */
export class DeploymentConfigError extends Error {
  override readonly name = 'DeploymentConfigError';
}

/** Storage, coordination and blobs for one process; `undefined` means the embedded default. */
export interface Deployment {
  role: SoraRole;
  storage?: SoraStorage;
  coordination?: Coordination;
  blobs?: BlobStore;
  /** One line for the start-up log, without secrets. */
  summary: string;
  /** Closes the connections opened here. */
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

function roleOf(env: Env): SoraRole {
  const role = env.SORA_KIT_ROLE || 'all';
  if (role !== 'all' && role !== 'web' && role !== 'worker') {
    throw new DeploymentConfigError(`SORA_KIT_ROLE must be "all", "web" or "worker" (got "${role}")`);
  }
  return role;
}

function namespaceOf(env: Env): string {
  const ns = env.SORA_KIT_NAMESPACE || 'sora_kit';
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(ns)) {
    throw new DeploymentConfigError(
      `SORA_KIT_NAMESPACE must be lowercase letters, digits and _ (got "${ns}")`,
    );
  }
  return ns;
}

async function s3From(raw: string, env: Env): Promise<BlobStore> {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,62})(?:\/(.*))?$/.exec(raw);
  if (!match?.[1])
    throw new DeploymentConfigError(`SORA_KIT_BLOBS must be "fs" or s3://bucket[/prefix] (got "${raw}")`);
  const { s3Blobs } = await import('../blobs/s3.js');
  const endpoint = env.SORA_KIT_S3_ENDPOINT || undefined;
  const prefix = match[2] ? `${match[2].replace(/\/+$/, '')}/` : undefined;
  return s3Blobs({
    bucket: match[1],
    ...(prefix ? { prefix } : {}),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || (endpoint ? 'us-east-1' : undefined),
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
}

async function redisFrom(url: string, ns: string) {
  const coordination = await redisCoordination({ url, prefix: `${ns}:` });
  // Both through importOptional: a bundler (Next.js) must not try to resolve ioredis, an optional peer.
  await importOptional('ioredis', 'SORA_KIT_STORAGE=redis://…');
  const { default: redisDriver } = await importOptional<typeof import('unstorage/drivers/redis')>(
    'unstorage/drivers/redis',
    'SORA_KIT_STORAGE=redis://…',
  );
  const { createStorage } = await import('unstorage');
  const driver = redisDriver({ url, base: `${ns}:data`, ...FAIL_FAST_REDIS_OPTIONS });
  // Each command reports an outage (503 `unavailable`); without a listener ioredis would also
  // print every failed reconnect as an "Unhandled error event".
  driver.getInstance?.().on('error', () => {});
  const storage = createStorage({ driver });
  return { coordination, storage };
}

async function postgresFrom(connectionString: string, ns: string) {
  const pool = await connectPool(connectionString);
  const coordination = await postgresCoordination({ pool, tablePrefix: `${ns}_` });
  const storage = await postgresStorage({ pool, table: `${ns}_kv` });
  const closeCoordination = coordination.close;
  const close = async () => {
    await closeCoordination();
    await pool.end();
  };
  return { coordination: { ...coordination, close }, storage };
}

async function engineFrom(
  raw: string,
  ns: string,
): Promise<{ coordination: Coordination; storage: SoraStorage }> {
  if (/^rediss?:\/\//.test(raw)) return redisFrom(raw, ns);
  if (/^postgres(ql)?:\/\//.test(raw)) return postgresFrom(raw, ns);
  throw new DeploymentConfigError(
    `SORA_KIT_STORAGE must be "fs", redis://… or postgres://… (got "${redact(raw)}")`,
  );
}

/**
 * Reads the deployment from `env`. Rejects with one clear line — a {@link DeploymentConfigError},
 * or "Redis at … is unreachable: ECONNREFUSED" — when it cannot work.
 *
 * @example
 * const deployment = await deploymentFromEnv(process.env);
 * const sora = createSoraHandler({ ...deployment, provider, secret, separateWorker: deployment.role === 'web' });
 */
export async function deploymentFromEnv(env: Env = process.env): Promise<Deployment> {
  const role = roleOf(env);
  const ns = namespaceOf(env);
  const rawStorage = env.SORA_KIT_STORAGE || 'fs';
  const rawBlobs = env.SORA_KIT_BLOBS || 'fs';
  if (rawStorage === 'fs' && role !== 'all') {
    throw new DeploymentConfigError(
      `SORA_KIT_ROLE=${role} needs shared storage: set SORA_KIT_STORAGE to redis://… or postgres://…`,
    );
  }
  if (rawBlobs !== 'fs' && !rawBlobs.startsWith('s3://')) {
    throw new DeploymentConfigError(
      `SORA_KIT_BLOBS must be "fs" or s3://bucket[/prefix] (got "${rawBlobs}")`,
    );
  }
  const blobs = rawBlobs === 'fs' ? undefined : await s3From(rawBlobs, env);
  if (rawStorage === 'fs') {
    return { role, blobs, summary: `role ${role}, file storage, ${rawBlobs} blobs`, close: async () => {} };
  }
  const engine = await engineFrom(rawStorage, ns);
  return {
    role,
    ...engine,
    blobs,
    summary: `role ${role}, ${engine.coordination.kind} at ${redact(rawStorage)}, ${rawBlobs === 'fs' ? 'fs' : rawBlobs} blobs`,
    close: async () => {
      await engine.storage.dispose();
      await engine.coordination.close();
    },
  };
}
