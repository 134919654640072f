import { redisCoordination } from '../../src/coordination/redis.js';
import { coordinationContract } from './contract.js';

coordinationContract('Redis', async () => {
  const prefix = `test:${crypto.randomUUID()}:`;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const instances = await Promise.all([1, 2, 3].map(() => redisCoordination({ url, prefix })));
  return { instances, close: async () => void (await Promise.all(instances.map((c) => c.close()))) };
});
