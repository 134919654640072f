/** The engines the multi-process suite runs on (127.0.0.1; override with REDIS_URL / DATABASE_URL). */
export const ENGINES = [
  { name: 'Redis', url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  { name: 'PostgreSQL', url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
];
