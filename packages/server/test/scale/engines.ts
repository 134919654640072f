/** The engines the multi-process suite runs on (127.0.0.1; override with REDIS_URL / DATABASE_URL). */
import pg from 'pg';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { postgresCoordination } from '../../src/coordination/postgres.js';
import { redisCoordination } from '../../src/coordination/redis.js';
import type { Coordination } from '../../src/coordination/types.js';
import { postgresStorage } from '../../src/storage/postgres.js';
import type { SoraStorage } from '../../src/storage.js';
import { dropNamespace } from './cluster.mjs';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Storage and coordination of one instance, on a namespace of its own test run. */
export interface Instance {
  storage: SoraStorage;
  coordination: Coordination;
}

/** Opens instances on one fresh namespace of an engine; `url` lets a proxy stand in for the engine. */
export interface Engine {
  name: string;
  url: string;
  /** Opens `n` instances (own connections each) on one fresh namespace; `drop` removes it. */
  open(n: number, url?: string): Promise<{ instances: Instance[]; drop: () => Promise<void> }>;
}

const redis: Engine = {
  name: 'Redis',
  url: REDIS,
  async open(n, url = REDIS) {
    const ns = `scale_${crypto.randomUUID().slice(0, 8)}`;
    const instances = await Promise.all(
      Array.from({ length: n }, async () => ({
        storage: createStorage({ driver: redisDriver({ url, base: `${ns}:data`, maxRetriesPerRequest: 1 }) }),
        coordination: await redisCoordination({ url, prefix: `${ns}:` }),
      })),
    );
    return {
      instances,
      drop: async () => {
        await dropNamespace(url, ns);
        for (const i of instances) {
          await i.storage.dispose();
          await i.coordination.close();
        }
      },
    };
  },
};

const postgres: Engine = {
  name: 'PostgreSQL',
  url: POSTGRES,
  async open(n, url = POSTGRES) {
    const schema = `scale_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const instances = await Promise.all(
      Array.from({ length: n }, async () => ({
        storage: await postgresStorage({ connectionString: url, schema }),
        coordination: await postgresCoordination({ connectionString: url, schema }),
      })),
    );
    return {
      instances,
      drop: async () => {
        for (const i of instances) {
          await i.storage.dispose();
          await i.coordination.close();
        }
        const admin = new pg.Client({ connectionString: POSTGRES });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      },
    };
  },
};

export const ENGINES: Engine[] = [redis, postgres];
