/**
 * An unstorage driver on a pooled `pg` client, for job records on PostgreSQL: one table of text
 * values with an optional expiry, every operation one statement on a pooled connection (no shared
 * client, no "experimental" warning).
 */
import type { Pool } from 'pg';
import { createStorage, defineDriver } from 'unstorage';
import { asPool, type PgPool } from '../coordination/engine-clients.js';
import { connectPool, createTables } from '../coordination/postgres.js';
import type { SoraStorage } from '../storage.js';

/** Options of {@link postgresStorage}. */
export type PostgresStorageOptions = (
  | { connectionString: string; pool?: never /** `pg.Pool` options (`PoolConfig`). */; poolConfig?: object }
  | { pool: PgPool; connectionString?: never }
) & {
  /** The table (created if missing). Default `sora_kit_kv`. */
  table?: string;
  /** Its schema (created if missing). Default `public`. */
  schema?: string;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,50}$/;
const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;
/** About one write in this many also deletes the rows that expired, so expired keys do not pile up. */
const SWEEP_EVERY = 200;

/** Keys under `base` as a LIKE pattern (unstorage bases end without `:`; `%` and `_` escaped). */
function likeOf(base: string | undefined): string {
  const escaped = (base ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
  return escaped ? `${escaped.replace(/:$/, '')}:%` : '%';
}

const pgDriver = defineDriver((opts: { pool: Pool; table: string; owned: boolean }) => {
  const { pool, table } = opts;
  const live = `(expires_at IS NULL OR expires_at > ${NOW_MS})`;
  return {
    name: 'sora-kit-postgres',
    options: opts,
    getInstance: () => pool,
    async hasItem(key) {
      const found = await pool.query(`SELECT 1 FROM ${table} WHERE key = $1 AND ${live}`, [key]);
      return found.rowCount === 1;
    },
    async getItem(key) {
      const found = await pool.query<{ value: string }>(
        `SELECT value FROM ${table} WHERE key = $1 AND ${live}`,
        [key],
      );
      return found.rows[0]?.value ?? null;
    },
    async getItems(items) {
      const found = await pool.query<{ key: string; value: string }>(
        `SELECT key, value FROM ${table} WHERE key = ANY($1) AND ${live}`,
        [items.map((i) => i.key)],
      );
      const byKey = new Map(found.rows.map((r) => [r.key, r.value]));
      return items.map((i) => ({ key: i.key, value: byKey.get(i.key) ?? null }));
    },
    async setItem(key, value, tOptions) {
      const ttl = Number((tOptions as { ttl?: unknown } | undefined)?.ttl);
      await pool.query(
        `INSERT INTO ${table} (key, value, expires_at) VALUES ($1, $2, CASE WHEN $3::bigint IS NULL THEN NULL ELSE ${NOW_MS} + $3::bigint END)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
        [key, value, Number.isFinite(ttl) && ttl > 0 ? Math.ceil(ttl * 1000) : null],
      );
      if (Math.random() * SWEEP_EVERY < 1) {
        await pool.query(`DELETE FROM ${table} WHERE expires_at <= ${NOW_MS}`).catch(() => {});
      }
    },
    async removeItem(key) {
      await pool.query(`DELETE FROM ${table} WHERE key = $1`, [key]);
    },
    async getKeys(base) {
      const found = await pool.query<{ key: string }>(
        `SELECT key FROM ${table} WHERE key LIKE $1 AND ${live}`,
        [likeOf(base)],
      );
      return found.rows.map((r) => r.key);
    },
    async clear(base) {
      await pool.query(`DELETE FROM ${table} WHERE key LIKE $1`, [likeOf(base)]);
    },
    async dispose() {
      if (opts.owned) await pool.end();
    },
  };
});

/**
 * Job storage on PostgreSQL: an unstorage `Storage` over a pooled `pg` client. Its declared type is
 * the part the handler calls ({@link SoraStorage}), which keeps unstorage's own types (they need
 * every driver's optional packages to compile) out of ours; at run time it is the whole `Storage`.
 *
 * @example
 * const storage = await postgresStorage({ connectionString: process.env.DATABASE_URL! });
 * createSoraHandler({ ..., storage, coordination: await postgresCoordination({ connectionString }) });
 */
export async function postgresStorage(options: PostgresStorageOptions): Promise<SoraStorage> {
  const schema = options.schema ?? 'public';
  const name = options.table ?? 'sora_kit_kv';
  if (!IDENTIFIER.test(schema) || !IDENTIFIER.test(name)) {
    throw new TypeError('postgresStorage: `table` and `schema` must be lowercase SQL identifiers');
  }
  const owned = options.pool === undefined;
  const pool = asPool(options.pool ?? (await connectPool(options.connectionString, options.poolConfig)));
  const table = `"${schema}"."${name}"`;
  await createTables(
    pool,
    schema,
    `CREATE SCHEMA IF NOT EXISTS "${schema}";
     CREATE TABLE IF NOT EXISTS ${table} (key text PRIMARY KEY, value text NOT NULL, expires_at bigint);
     CREATE INDEX IF NOT EXISTS ${name}_expires_at ON ${table} (expires_at) WHERE expires_at IS NOT NULL`,
  );
  return createStorage({ driver: pgDriver({ pool, table, owned }) });
}
