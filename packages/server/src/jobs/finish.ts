/**
 * What happens once per transition: hooks, admission settlement and counters. Each runs under a
 * once-only claim on the coordination, so two instances that both see a job end call each hook
 * once, and a worker killed in the middle of one leaves it to the next claimer instead of losing it.
 */
import type { Logger } from '../logger.js';
import type { JobHookContext } from '../options.js';
import type { JobRecord } from './repository.js';
import type { Runtime } from './runtime.js';
import { keys } from './storage-keys.js';

type HookName = 'onJobCreated' | 'onJobCompleted' | 'onJobFailed';

async function callHook(
  rt: Runtime,
  name: HookName,
  record: JobRecord,
  logger: Logger = rt.logger,
): Promise<void> {
  const hook = rt.hooks[name];
  if (!hook) return;
  const ctx: JobHookContext = { identity: { id: record.identity }, job: record.job };
  try {
    await hook(ctx);
  } catch (error) {
    logger.warn(`hook ${name} threw`, {
      jobId: record.job.jobId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Called after a new job is stored and sent upstream.
 * @param logger the lines' logger: the request's, naming its id, when a request created the job.
 */
export async function announceCreated(
  rt: Runtime,
  record: JobRecord,
  logger: Logger = rt.logger,
): Promise<void> {
  await rt.leases.runOnce(keys.once(record.job.jobId, 0, 'created'), async () => {
    rt.metrics.jobs.inc({ status: 'created', code: 'none' });
    logger.info('job created', {
      jobId: record.job.jobId,
      model: record.job.model,
      provider: record.job.provider,
    });
    await callHook(rt, 'onJobCreated', record, logger);
  });
}

/**
 * Gives the job's admission reservation back: `completed` keeps the quota charged, `failed`
 * refunds it; both free the active-job slot. Admission settles each reservation once by itself.
 */
export async function settleOnce(
  rt: Runtime,
  record: JobRecord,
  outcome: 'completed' | 'failed',
): Promise<'done' | 'busy'> {
  if (!record.reservation || !rt.admission) return 'done';
  try {
    return (await rt.admission.settle(record.reservation, outcome)) === 'pending' ? 'busy' : 'done';
  } catch (error) {
    rt.logger.warn('admission settle failed', {
      jobId: record.job.jobId,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'busy'; // the job stays due, and a later pass settles it
  }
}

/** Called after a job reached `completed` or `failed` (once per attempt). */
export async function announceTerminal(rt: Runtime, record: JobRecord): Promise<void> {
  const { jobId, status, attempts } = record.job;
  if (status !== 'completed' && status !== 'failed') return;
  const settled = await settleOnce(rt, record, status);
  const announced = await rt.leases.runOnce(keys.once(jobId, attempts, status), async () => {
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
  });
  // Off the schedule only once both follow-ups are done: while one is `busy` (another instance is
  // at it, or died at it) the job stays due, and a later claim finds it terminal and comes back here.
  if (settled === 'done' && announced === 'done') await rt.repo.deactivate(jobId);
}
