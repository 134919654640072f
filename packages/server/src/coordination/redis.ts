/**
 * Coordination on Redis (ioredis). Each operation is one command or one Lua script, so it is atomic
 * on the server: leases are `SET NX PX` released and renewed by token in Lua; slots and sliding
 * windows are sorted sets scored by expiry; counters are Lua-guarded `INCRBY`; the refresh schedule
 * is one sorted set scored by due time, claimed with `ZRANGEBYSCORE` + `ZADD` in one script.
 * Change notifications are pub/sub on one channel.
 */
import type { Redis, RedisOptions } from 'ioredis';
import { importOptional } from '../optional-peer.js';
import { asRedis, type RedisClient } from './engine-clients.js';
import { type Coordination, ONCE_TTL_MS, type OnceClaim, type SlotClaim } from './types.js';
import { guardUnavailable } from './unavailable.js';

/** Options of {@link redisCoordination}: a URL (a client is created and closed here) or your client. */
export type RedisCoordinationOptions = (
  | { url: string; client?: never /** ioredis options (`RedisOptions`). */; redisOptions?: object }
  | { client: RedisClient; url?: never }
) & {
  /** Prefix of every key and of the notification channel. Default `sora-kit:`. */
  prefix?: string;
};

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
// KEYS[1] the once key; ARGV: token, holdMs. 'done' is a value no token takes (tokens are UUIDs).
const BEGIN_ONCE = `
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 'done' end
if v then return 'busy' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'run'`;
// KEYS[1] the once key; ARGV: token, ttlMs of the done marker.
const FINISH_ONCE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) end return 0`;
// KEYS[1] set; ARGV: member, cap, now, expiresAt. Returns 1, or the earliest expiry when full.
const CLAIM_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {1, 0} end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, first[2]}
end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
local ttl = tonumber(redis.call('PTTL', KEYS[1]))
local want = tonumber(ARGV[4]) - tonumber(ARGV[3]) + 1000
if ttl < want then redis.call('PEXPIRE', KEYS[1], want) end
return {1, 0}`;
// KEYS[1] counter; ARGV: amount, limit ('' for none), ttlMs. Returns 1 when applied.
const ADD_WITHIN = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
local next = current + amount
if next < 0 then next = 0 end
if amount > 0 and ARGV[2] ~= '' and next > tonumber(ARGV[2]) then return 0 end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[1], next, 'KEEPTTL')
else redis.call('SET', KEYS[1], next, 'PX', ARGV[3]) end
return 1`;
// KEYS[1] schedule; ARGV: now, limit, holdMs.
const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local later = tonumber(ARGV[1]) + tonumber(ARGV[3])
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], later, id) end
return ids`;

/**
 * Coordination for several processes on one Redis (6.2 or later).
 *
 * @example
 * const coordination = redisCoordination({ url: process.env.REDIS_URL! });
 * createSoraHandler({ ..., storage, coordination });
 */
export async function redisCoordination(options: RedisCoordinationOptions): Promise<Coordination> {
  const prefix = options.prefix ?? 'sora-kit:';
  const owned = options.client === undefined;
  const client = options.client
    ? asRedis(options.client)
    : await connect(options.url, options.redisOptions as RedisOptions | undefined);
  const channel = `${prefix}changes`;
  const k = (key: string) => `${prefix}${key}`;
  const dueKey = k('due');
  const listeners = new Set<(topic: string) => void>();
  let subscriber: Redis | undefined;

  async function ensureSubscriber(): Promise<void> {
    if (subscriber) return;
    subscriber = client.duplicate();
    subscriber.on('error', () => {}); // reconnects by itself; the main client reports outages
    subscriber.on('message', (_channel: string, topic: string) => {
      for (const listener of listeners) listener(topic);
    });
    await subscriber.subscribe(channel);
  }

  const coordination: Coordination = {
    kind: 'redis',
    acquire: async (key, ttlMs) => {
      const token = crypto.randomUUID();
      return (await client.set(k(key), token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null;
    },
    renew: async (key, token, ttlMs) => Number(await client.eval(RENEW, 1, k(key), token, ttlMs)) === 1,
    release: async (key, token) => {
      await client.eval(RELEASE, 1, k(key), token);
    },
    beginOnce: async (key, holdMs): Promise<OnceClaim> => {
      const token = crypto.randomUUID();
      const state = (await client.eval(BEGIN_ONCE, 1, k(`run-once:${key}`), token, Math.ceil(holdMs))) as
        | 'run'
        | 'busy'
        | 'done';
      return state === 'run' ? { state, token } : { state };
    },
    finishOnce: async (key, token) => {
      await client.eval(FINISH_ONCE, 1, k(`run-once:${key}`), token, ONCE_TTL_MS);
    },
    claimSlot: async (key, member, o): Promise<SlotClaim> => {
      const [ok, first] = (await client.eval(CLAIM_SLOT, 1, k(key), member, o.cap, o.now, o.expiresAt)) as [
        number,
        string | number,
      ];
      return ok === 1 ? { ok: true } : { ok: false, freesAt: Number(first) };
    },
    releaseSlot: async (key, member) => {
      await client.zrem(k(key), member);
    },
    addWithin: async (key, amount, o) =>
      Number(
        await client.eval(ADD_WITHIN, 1, k(key), amount, o.limit ?? '', Math.max(1, Math.ceil(o.ttlMs))),
      ) === 1,
    schedule: async (jobId, dueAt) => {
      await client.zadd(dueKey, dueAt, jobId);
    },
    unschedule: async (jobId) => {
      await client.zrem(dueKey, jobId);
    },
    claimDue: async (now, limit, holdMs) =>
      (await client.eval(CLAIM_DUE, 1, dueKey, now, limit, holdMs)) as string[],
    scheduled: async () => client.zcard(dueKey),
    publish: async (topic) => {
      await client.publish(channel, topic);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      void ensureSubscriber().catch(() => {
        subscriber = undefined; // retried by the next subscribe
      });
      return () => listeners.delete(listener);
    },
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      listeners.clear();
      subscriber?.disconnect();
      if (owned) client.disconnect();
    },
  };
  return guardUnavailable(coordination, 'Redis');
}

/**
 * ioredis options that fail fast while Redis is down (so requests answer 503 at once instead of
 * queueing) and reconnect by themselves when it is back. Use them for the unstorage redis driver too.
 */
export const FAIL_FAST_REDIS_OPTIONS: {
  maxRetriesPerRequest: number;
  connectTimeout: number;
  retryStrategy: (attempt: number) => number;
} = {
  maxRetriesPerRequest: 1,
  connectTimeout: 3000,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
};

async function connect(url: string, extra: RedisOptions = {}): Promise<Redis> {
  const { Redis: RedisClient } = await importOptional<typeof import('ioredis')>(
    'ioredis',
    'redisCoordination()',
  );
  const client = new RedisClient(url, { ...FAIL_FAST_REDIS_OPTIONS, lazyConnect: true, ...extra });
  let lastError: unknown;
  client.on('error', (error) => {
    lastError = error; // surfaced per command as `unavailable`
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = lastError ?? error;
    throw new Error(`Redis at ${redact(url)} is unreachable: ${describe(reason)}`, { cause: reason });
  }
  return client;
}

/** A URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

/** One line about a connection error. */
export function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}
