/**
 * The engines' clients as sora-kit's public types name them: by shape, so that our declarations
 * compile in a project that installed neither `pg` nor `ioredis` (both optional peers, and a
 * `.d.ts` cannot import a module conditionally). A `pg.Pool` and an ioredis `Redis` fit them; inside,
 * the modules' own types are used.
 */
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';

/** A `pg.Pool` (any pool with its promise API). */
export interface PgPool {
  query(text: string, values?: unknown[]): Promise<unknown>;
  connect(): Promise<unknown>;
  end(): Promise<void>;
}

/** An ioredis client (`new Redis(url)`). */
export interface RedisClient {
  duplicate(): unknown;
  disconnect(): void;
}

/** The `pg.Pool` behind a {@link PgPool}. */
export const asPool = (pool: PgPool): Pool => pool as unknown as Pool;

/** The ioredis client behind a {@link RedisClient}. */
export const asRedis = (client: RedisClient): Redis => client as unknown as Redis;
