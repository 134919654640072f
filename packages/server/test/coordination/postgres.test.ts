import pg from 'pg';
import { postgresCoordination } from '../../src/coordination/postgres.js';
import { coordinationContract } from './contract.js';

const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

coordinationContract('PostgreSQL', async () => {
  const schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const instances = await Promise.all(
    [1, 2, 3].map(() => postgresCoordination({ connectionString, schema })),
  );
  return {
    instances,
    close: async () => {
      await Promise.all(instances.map((c) => c.close()));
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
});
