/**
 * Coordination on PostgreSQL through a pooled `pg` client. Leases are rows taken with
 * `INSERT … ON CONFLICT DO UPDATE … WHERE expired` (one statement, the row lock decides); counters
 * are one conditional upsert; a slot claim is a short transaction under a transaction-level advisory
 * lock on its key; the refresh schedule is an indexed `due_at` claimed with `FOR UPDATE SKIP
 * LOCKED`. Notifications are `LISTEN/NOTIFY`. Tables are created if missing.
 */
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { importOptional } from '../optional-peer.js';
import { describe, redact } from './redis.js';
import { type Coordination, ONCE_TTL_MS, type OnceClaim, type SlotClaim } from './types.js';
import { guardUnavailable } from './unavailable.js';

/** Options of {@link postgresCoordination}: a connection string (a pool is made and ended here) or your pool. */
export type PostgresCoordinationOptions = (
  | { connectionString: string; pool?: never; poolConfig?: PoolConfig }
  | { pool: Pool; connectionString?: never }
) & {
  /** Prefix of the tables and of the notification channel. Default `sora_kit_`. */
  tablePrefix?: string;
  /** Schema of the tables (created if missing). Default `public`. */
  schema?: string;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/** The `CREATE … IF NOT EXISTS` statements of the coordination tables. */
function schemaSql(t: (name: string) => string, schema: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS ${t('leases')} (key text PRIMARY KEY, token text NOT NULL, expires_at bigint NOT NULL);
CREATE TABLE IF NOT EXISTS ${t('slots')} (key text NOT NULL, member text NOT NULL, expires_at bigint NOT NULL, PRIMARY KEY (key, member));
CREATE TABLE IF NOT EXISTS ${t('counters')} (key text PRIMARY KEY, value bigint NOT NULL, expires_at bigint NOT NULL);
CREATE TABLE IF NOT EXISTS ${t('due')} (job_id text PRIMARY KEY, due_at bigint NOT NULL);
CREATE INDEX IF NOT EXISTS ${t('due').split('.')[1]?.replace(/"/g, '')}_due_at ON ${t('due')} (due_at);`;
}

// Server time in epoch ms: leases expire on the database clock, so instance clocks cannot disagree.
const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * Coordination for several processes on one PostgreSQL (12 or later).
 *
 * @example
 * const coordination = await postgresCoordination({ connectionString: process.env.DATABASE_URL! });
 */
export async function postgresCoordination(options: PostgresCoordinationOptions): Promise<Coordination> {
  const prefix = options.tablePrefix ?? 'sora_kit_';
  const schema = options.schema ?? 'public';
  if (!IDENTIFIER.test(prefix) || !IDENTIFIER.test(schema)) {
    throw new TypeError('postgresCoordination: `tablePrefix` and `schema` must be lowercase SQL identifiers');
  }
  const t = (name: string) => `"${schema}"."${prefix}${name}"`;
  const owned = options.pool === undefined;
  const pool = options.pool ?? (await connectPool(options.connectionString, options.poolConfig));
  await createTables(pool, schema, schemaSql(t, schema));
  const channel = `${prefix}changes`;
  const listeners = new Set<(topic: string) => void>();
  let listener: PoolClient | undefined;

  async function ensureListener(): Promise<void> {
    if (listener) return;
    const client = await pool.connect();
    listener = client;
    client.on('notification', (message) => {
      for (const l of listeners) l(message.payload ?? '');
    });
    client.on('error', () => {
      // The connection died (database restarted): drop it and listen again on a fresh one.
      client.release(true);
      listener = undefined;
      setTimeout(() => void ensureListener().catch(() => {}), 1000).unref();
    });
    await client.query(`LISTEN "${channel}"`);
  }

  async function claimSlot(key: string, member: string, cap: number, now: number, expiresAt: number) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${prefix}${key}`]);
      await client.query(`DELETE FROM ${t('slots')} WHERE key = $1 AND expires_at <= $2`, [key, now]);
      const held = await client.query<{ n: string; first: string | null; mine: boolean }>(
        `SELECT count(*) AS n, min(expires_at) AS first, bool_or(member = $2) AS mine FROM ${t('slots')} WHERE key = $1`,
        [key, member],
      );
      const row = held.rows[0];
      let claim: SlotClaim = { ok: true };
      if (!row?.mine) {
        if (Number(row?.n ?? 0) >= cap) claim = { ok: false, freesAt: Number(row?.first ?? now) };
        else
          await client.query(`INSERT INTO ${t('slots')} (key, member, expires_at) VALUES ($1, $2, $3)`, [
            key,
            member,
            expiresAt,
          ]);
      }
      await client.query('COMMIT');
      return claim;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const coordination: Coordination = {
    kind: 'postgres',
    acquire: async (key, ttlMs) => {
      const token = crypto.randomUUID();
      const taken = await pool.query(
        `INSERT INTO ${t('leases')} (key, token, expires_at) VALUES ($1, $2, ${NOW_MS} + $3)
         ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
         WHERE ${t('leases')}.expires_at <= ${NOW_MS} RETURNING token`,
        [key, token, ttlMs],
      );
      return taken.rowCount === 1 ? token : null;
    },
    renew: async (key, token, ttlMs) => {
      const renewed = await pool.query(
        `UPDATE ${t('leases')} SET expires_at = ${NOW_MS} + $3 WHERE key = $1 AND token = $2 AND expires_at > ${NOW_MS}`,
        [key, token, ttlMs],
      );
      return renewed.rowCount === 1;
    },
    release: async (key, token) => {
      await pool.query(`DELETE FROM ${t('leases')} WHERE key = $1 AND token = $2`, [key, token]);
    },
    claimOnce: async (key) => (await coordination.acquire(`once:${key}`, ONCE_TTL_MS)) !== null,
    // A once key is a lease row whose token becomes 'done' (no UUID token equals it) when finished.
    beginOnce: async (key, holdMs): Promise<OnceClaim> => {
      const token = crypto.randomUUID();
      const taken = await pool.query<{ token: string }>(
        `WITH taken AS (
           INSERT INTO ${t('leases')} (key, token, expires_at) VALUES ($1, $2, ${NOW_MS} + $3)
           ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
           WHERE ${t('leases')}.expires_at <= ${NOW_MS} RETURNING token)
         SELECT token FROM taken UNION ALL
         SELECT token FROM ${t('leases')} WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM taken)`,
        [`run-once:${key}`, token, Math.ceil(holdMs)],
      );
      const held = taken.rows[0]?.token;
      if (held === token) return { state: 'run', token };
      return held === 'done' ? { state: 'done' } : { state: 'busy' };
    },
    finishOnce: async (key, token) => {
      await pool.query(
        `UPDATE ${t('leases')} SET token = 'done', expires_at = ${NOW_MS} + $3 WHERE key = $1 AND token = $2`,
        [`run-once:${key}`, token, ONCE_TTL_MS],
      );
    },
    claimSlot: (key, member, o) => claimSlot(key, member, o.cap, o.now, o.expiresAt),
    releaseSlot: async (key, member) => {
      await pool.query(`DELETE FROM ${t('slots')} WHERE key = $1 AND member = $2`, [key, member]);
    },
    addWithin: async (key, amount, o) => {
      if (amount > 0 && o.limit !== undefined && amount > o.limit) return false;
      // One statement: the row lock of the upsert serialises racing increments; a refused one
      // fails the WHERE and changes nothing.
      const next = `CASE WHEN c.expires_at <= ${NOW_MS} THEN GREATEST(0, $2::bigint) ELSE GREATEST(0, c.value + $2::bigint) END`;
      const applied = await pool.query(
        `INSERT INTO ${t('counters')} AS c (key, value, expires_at) VALUES ($1, GREATEST(0, $2::bigint), ${NOW_MS} + $4::bigint)
         ON CONFLICT (key) DO UPDATE SET value = ${next},
           expires_at = CASE WHEN c.expires_at <= ${NOW_MS} THEN EXCLUDED.expires_at ELSE c.expires_at END
         WHERE $3::bigint IS NULL OR $2::bigint <= 0 OR ${next} <= $3::bigint
         RETURNING value`,
        [key, Math.round(amount), o.limit ?? null, Math.max(1, Math.ceil(o.ttlMs))],
      );
      return applied.rowCount === 1;
    },
    schedule: async (jobId, dueAt) => {
      await pool.query(
        `INSERT INTO ${t('due')} (job_id, due_at) VALUES ($1, $2) ON CONFLICT (job_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
        [jobId, Math.round(dueAt)],
      );
    },
    unschedule: async (jobId) => {
      await pool.query(`DELETE FROM ${t('due')} WHERE job_id = $1`, [jobId]);
    },
    claimDue: async (now, limit, holdMs) => {
      const claimed = await pool.query<{ job_id: string }>(
        `UPDATE ${t('due')} SET due_at = $1::bigint + $3::bigint WHERE job_id IN (
           SELECT job_id FROM ${t('due')} WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ) RETURNING job_id`,
        [Math.round(now), limit, holdMs],
      );
      return claimed.rows.map((r) => r.job_id);
    },
    scheduled: async () => {
      const counted = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${t('due')}`);
      return Number(counted.rows[0]?.n ?? 0);
    },
    publish: async (topic) => {
      await pool.query('SELECT pg_notify($1, $2)', [channel, topic]);
    },
    subscribe: (l) => {
      listeners.add(l);
      void ensureListener().catch(() => {
        listener = undefined;
      });
      return () => listeners.delete(l);
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      listeners.clear();
      listener?.release(true);
      listener = undefined;
      if (owned) await pool.end();
    },
  };
  return guardUnavailable(coordination, 'PostgreSQL');
}

/**
 * Creates tables (`CREATE … IF NOT EXISTS`). Processes starting at once would race on the catalog
 * ("type … already exists"), so each takes a transaction-scoped advisory lock on the schema first:
 * the engine serializes them, and the later ones find everything there.
 */
export async function createTables(pool: Pool, schema: string, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sora-kit:schema:${schema}`]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A pool that answered `SELECT 1`, or one clear error. */
export async function connectPool(connectionString: string, config: PoolConfig = {}): Promise<Pool> {
  const { default: pg } = await importOptional<typeof import('pg')>(
    'pg',
    'PostgreSQL storage and coordination',
  );
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000, max: 10, ...config });
  pool.on('error', () => {}); // an idle client lost: the pool replaces it; queries report outages
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`PostgreSQL at ${redact(connectionString)} is unreachable: ${describe(error)}`, {
      cause: error,
    });
  }
  return pool;
}
