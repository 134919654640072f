// `node bench/scale-soak.mjs [--jobs N] [--engine redis|postgres]`: the scale soak of issue 19, by
// hand (the scale suite runs it with 300 jobs on both engines). 3 web and 2 worker processes (the
// built package) on real Redis or PostgreSQL (127.0.0.1, or REDIS_URL / DATABASE_URL), S3 through
// s3rver, one fake OpenAI answering 20 % of requests with 500; N jobs created at a steady pace across
// the web instances while one worker is SIGKILLed every 10 s and restarted. It prints what happened
// and exits 1 when any job ended wrong or not exactly once.
import { runSoak } from '../packages/server/test/scale/soak.mjs';
import { loadTesting } from './lib/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ENGINES = {
  redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};
const engine = arg('engine', 'redis');
const { createFakeOpenAI, seededRandom } = await loadTesting();
const fake = createFakeOpenAI({
  generationSeconds: Number(arg('generation-s', 4)),
  faults: { serverErrorRate: 0.2, random: seededRandom(19) },
});
const { problems, summary } = await runSoak({
  storage: ENGINES[engine],
  fake,
  jobs: Number(arg('jobs', 300)),
  giveUpMs: Number(arg('timeout-s', 300)) * 1000,
  log: (line) => console.log(`${engine}: ${line}`),
});
console.log(`${engine}: ${JSON.stringify(summary)}`);
if (problems.length) {
  console.log(`${engine}: NOT OK\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${engine}: OK — every job ended right, once`);
