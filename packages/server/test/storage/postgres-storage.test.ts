/**
 * `postgresStorage`, the unstorage driver on a pooled `pg` client, against the real PostgreSQL on
 * 127.0.0.1: what the handler relies on (values, keys under a base, expiry, many queries at once)
 * and what db0's driver got wrong (an "experimental" warning, queries queued on one client).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { postgresStorage } from '../../src/storage/postgres.js';
import type { SoraStorage } from '../../src/storage.js';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `storage_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
let storage: SoraStorage;

beforeAll(async () => {
  storage = await postgresStorage({ connectionString: URL, schema });
});
afterAll(async () => {
  await storage?.dispose();
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

test('values round-trip as they were stored; a missing key is null; removed keys are gone', async () => {
  const record = { job: { jobId: 'job_1', status: 'queued', progress: 0 }, list: [1, 2, 3], note: 'é ✓' };
  await storage.setItem('sora:job:job_1', record);
  expect(await storage.getItem('sora:job:job_1')).toEqual(record);
  expect(await storage.hasItem('sora:job:job_1')).toBe(true);
  expect(await storage.getItem('sora:job:nope')).toBeNull();
  await storage.removeItem('sora:job:job_1');
  expect(await storage.hasItem('sora:job:job_1')).toBe(false);
});

test('getKeys lists the keys under a base only, with LIKE wildcards in keys taken literally', async () => {
  await storage.setItem('idx:a_b:1', 1);
  await storage.setItem('idx:a_b:2', 2);
  await storage.setItem('idx:axb:3', 3); // `_` would match `x` if it were not escaped
  await storage.setItem('idx:a%b:4', 4);
  expect((await storage.getKeys('idx:a_b')).sort()).toEqual(['idx:a_b:1', 'idx:a_b:2']);
  expect(await storage.getKeys('idx:a%b')).toEqual(['idx:a%b:4']);
});

test('an item stored with a ttl is gone once it expired on the database clock', async () => {
  await storage.setItem('ttl:short', 'soon gone', { ttl: 1 });
  await storage.setItem('ttl:long', 'still here', { ttl: 3600 });
  expect(await storage.getItem('ttl:short')).toBe('soon gone');
  // Expiry runs on PostgreSQL's clock, which the test cannot move: wait the second out.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect(await storage.getItem('ttl:short')).toBeNull();
  expect(await storage.hasItem('ttl:short')).toBe(false);
  expect(await storage.getKeys('ttl')).toEqual(['ttl:long']);
});

test('200 queries at once run on the pool without a deprecation or "experimental" warning', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  try {
    await Promise.all(Array.from({ length: 100 }, (_, i) => storage.setItem(`many:${i}`, { i })));
    const values = await Promise.all(Array.from({ length: 100 }, (_, i) => storage.getItem(`many:${i}`)));
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => ({ i })));
  } finally {
    process.off('warning', onWarning);
  }
  expect(warnings).toEqual([]);
});
