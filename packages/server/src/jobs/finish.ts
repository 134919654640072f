/**
 * What happens once per transition: hooks, admission settlement and counters. Each is guarded
 * by a once-only marker in storage, so two instances that both see a job end call each hook once.
 */
import type { JobHookContext } from '../options.js';
import { keys } from './keys.js';
import type { JobRecord } from './repository.js';
import type { Runtime } from './runtime.js';

type HookName = 'onJobCreated' | 'onJobCompleted' | 'onJobFailed';

async function callHook(rt: Runtime, name: HookName, record: JobRecord): Promise<void> {
  const hook = rt.hooks[name];
  if (!hook) return;
  const ctx: JobHookContext = { identity: { id: record.identity }, job: record.job };
  try {
    await hook(ctx);
  } catch (error) {
    rt.logger.warn(`hook ${name} threw`, {
      jobId: record.job.jobId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Called after a new job is stored and sent upstream. */
export async function announceCreated(rt: Runtime, record: JobRecord): Promise<void> {
  if (!(await rt.leases.claimOnce(keys.once(record.job.jobId, 0, 'created')))) return;
  rt.metrics.jobs.inc({ status: 'created', code: 'none' });
  rt.logger.info('job created', {
    jobId: record.job.jobId,
    model: record.job.model,
    provider: record.job.provider,
  });
  await callHook(rt, 'onJobCreated', record);
}

/**
 * Gives the job's admission reservation back exactly once per attempt: `completed` keeps the
 * quota charged, `failed` refunds it; both free the active-job slot.
 */
export async function settleOnce(
  rt: Runtime,
  record: JobRecord,
  outcome: 'completed' | 'failed',
): Promise<void> {
  const { jobId, attempts } = record.job;
  if (!record.reservation || !rt.admission) return;
  if (!(await rt.leases.claimOnce(keys.once(jobId, attempts, 'settled')))) return;
  try {
    await rt.admission.settle(record.reservation, outcome);
  } catch (error) {
    rt.logger.warn('admission settle failed', {
      jobId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Called after a job reached `completed` or `failed` (once per attempt). */
export async function announceTerminal(rt: Runtime, record: JobRecord): Promise<void> {
  const { jobId, status, attempts } = record.job;
  if (status !== 'completed' && status !== 'failed') return;
  // Off the schedule only after the follow-ups: a worker dying before them leaves the job due, and
  // the next claim finds it terminal and comes back here.
  if (!(await rt.leases.claimOnce(keys.once(jobId, attempts, status)))) {
    await rt.repo.deactivate(jobId);
    return;
  }
  await settleOnce(rt, record, status);
  rt.metrics.jobDuration.observe(
    { status },
    Math.max(0, rt.now().getTime() - record.attemptStartedAt) / 1000,
  );
  if (status === 'completed') {
    rt.metrics.jobs.inc({ status, code: 'none' });
    rt.logger.info('job completed', { jobId, attempts });
    await callHook(rt, 'onJobCompleted', record);
  } else {
    rt.metrics.jobs.inc({ status, code: record.job.error?.code ?? 'internal' });
    rt.logger.info('job failed', { jobId, attempts, code: record.job.error?.code });
    await callHook(rt, 'onJobFailed', record);
  }
  await rt.repo.deactivate(jobId);
}
