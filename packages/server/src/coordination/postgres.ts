/**
 * Coordination on PostgreSQL through a pooled `pg` client. Leases are rows taken with
 * `INSERT … ON CONFLICT DO UPDATE … WHERE expired` (one statement, the row lock decides); counters
 * are one conditional upsert; a slot claim is one call of a plpgsql function that takes a
 * transaction-level advisory lock on its key; the refresh schedule is an indexed `due_at` claimed with `FOR UPDATE SKIP
 * LOCKED`. Notifications are `LISTEN/NOTIFY`. Tables are created if missing.
 */
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { importOptional } from '../optional-peer.js';
import { asPool, type PgPool } from './engine-clients.js';
import { describe, redact } from './redis.js';
import { type Coordination, ONCE_TTL_MS, type OnceClaim } from './types.js';
import { guardUnavailable } from './unavailable.js';

/** Options of {@link postgresCoordination}: a connection string (a pool is made and ended here) or your pool. */
export type PostgresCoordinationOptions = (
  | { connectionString: string; pool?: never /** `pg.Pool` options (`PoolConfig`). */; poolConfig?: object }
  | { pool: PgPool; connectionString?: never }
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
CREATE INDEX IF NOT EXISTS ${t('due').split('.')[1]?.replace(/"/g, '')}_due_at ON ${t('due')} (due_at);
${claimSlotFunction(t)}`;
}

/**
 * A slot claim in one round trip: a function, because its steps must run under the key's advisory
 * lock with a fresh snapshot each (plpgsql takes one per statement; a single SQL statement reads a
 * snapshot taken before its lock). Returns -1 when the member holds a slot, else when the earliest
 * slot frees (epoch ms).
 */
function claimSlotFunction(t: (name: string) => string): string {
  return `
CREATE OR REPLACE FUNCTION ${t('claim_slot')}(p_key text, p_member text, p_cap integer, p_now bigint, p_expires_at bigint, p_lock text)
RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  held bigint;
  first_expiry bigint;
  mine boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_lock, 0));
  DELETE FROM ${t('slots')} WHERE key = p_key AND expires_at <= p_now;
  SELECT count(*), min(expires_at), coalesce(bool_or(member = p_member), false)
    INTO held, first_expiry, mine FROM ${t('slots')} WHERE key = p_key;
  IF mine THEN RETURN -1; END IF;
  IF held >= p_cap THEN RETURN coalesce(first_expiry, p_now); END IF;
  INSERT INTO ${t('slots')} (key, member, expires_at) VALUES (p_key, p_member, p_expires_at);
  RETURN -1;
END
$fn$;`;
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
  const pool = asPool(options.pool ?? (await connectPool(options.connectionString, options.poolConfig)));
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
    const claimed = await pool.query<{ frees_at: string }>(
      `SELECT ${t('claim_slot')}($1, $2, $3, $4, $5, $6) AS frees_at`,
      [key, member, cap, Math.round(now), Math.round(expiresAt), `${prefix}${key}`],
    );
    const freesAt = Number(claimed.rows[0]?.frees_at ?? -1);
    return freesAt < 0 ? ({ ok: true } as const) : ({ ok: false, freesAt } as const);
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
export async function connectPool(connectionString: string, config: object = {}): Promise<PgPool> {
  const { default: pg } = await importOptional<typeof import('pg')>(
    'pg',
    'PostgreSQL storage and coordination',
  );
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: 10_000,
    max: 10,
    ...(config as PoolConfig),
  });
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
