// Profiles the status read or the history page on the default file storage: the server runs in
// this process under --cpu-prof while autocannon loads it from another process; then summarise.
//   node --cpu-prof --cpu-prof-dir=/tmp/sora-prof bench/profile-reads.mjs [status|history]
//   (PROF_STORAGE=memory profiles the memory storage instead of the default files)
//   node bench/lib/summarise-profile.mjs /tmp/sora-prof/<file>.cpuprofile

import { seededHandler } from './lib/handler.mjs';
import { requestsPerSecond } from './lib/harness.mjs';

const which = process.argv[2] ?? 'status';
const fs = await seededHandler({
  storage: process.env.PROF_STORAGE ?? 'fs',
  jobs: which === 'history' ? 100 : 1,
});
const path = which === 'history' ? '/videos' : `/videos/${fs.jobIds[0]}`;
const { rps } = await requestsPerSecond(`${fs.url}${path}`, { headers: { cookie: fs.cookie }, seconds: 8 });
console.log(`${which}: ${rps.toFixed(0)} req/s under the profiler`);
await fs.close();
