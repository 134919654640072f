import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job } from '../src/contract.js';
import { createJobTable, newestFirst } from '../src/job-table.js';
import { makeJob } from './fixtures.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, s)).toISOString();

const op = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    id: fc.integer({ min: 0, max: 12 }),
    created: fc.integer({ min: 0, max: 5 }),
    updated: fc.integer({ min: 0, max: 50 }),
    progress: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 12 }) }),
);

describe('the job list', () => {
  it('always equals the latest version of every live job, newest first', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const table = createJobTable();
        const model = new Map<string, Job>();
        const gone = new Set<string>();
        for (const o of ops) {
          const jobId = `job_${o.id}`;
          if (o.kind === 'remove') {
            table.remove(jobId);
            model.delete(jobId);
            gone.add(jobId);
            continue;
          }
          const job = makeJob({
            jobId,
            createdAt: at(o.created),
            updatedAt: at(o.updated),
            progress: o.progress,
          });
          table.upsert(job);
          const current = model.get(jobId);
          const newer =
            !current ||
            job.updatedAt > current.updatedAt ||
            (job.updatedAt === current.updatedAt && JSON.stringify(job) !== JSON.stringify(current));
          if (!gone.has(jobId) && newer) model.set(jobId, job);
        }
        expect(table.jobs.value).toEqual([...model.values()].sort(newestFirst));
        for (const [jobId, job] of model) expect(table.job(jobId).value).toBe(job);
      }),
      { numRuns: 300 },
    );
  });
});
