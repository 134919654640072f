/**
 * The job routes: create, list, read, media link, retry, remix and delete. Every route taking a
 * `jobId` answers 404 for someone else's job exactly as for an unknown one.
 */
import { type Capabilities, isTerminal, type ValidCreateVideo } from '@sora-kit/core/protocol';
import { type Context, Hono } from 'hono';
import { HttpError, invalidRequest, jobNotFound } from '../http-error.js';
import { createJob, retryJob } from '../jobs/create.js';
import { settleOnce } from '../jobs/finish.js';
import { sha256Hex } from '../jobs/hash.js';
import {
  idempotencyStorageKey,
  isValidIdempotencyKey,
  recallIdempotent,
  rememberIdempotent,
} from '../jobs/idempotency.js';
import type { Lifecycle } from '../jobs/lifecycle.js';
import { decodeCursor, type JobRecord } from '../jobs/repository.js';
import type { Runtime, SoraEnv } from '../jobs/runtime.js';
import { keys } from '../jobs/storage-keys.js';
import { isDue } from '../jobs/transitions.js';
import type { AdmissionRefusal } from '../limits/types.js';
import { isVariant, jobBlobKeys } from '../media/blob-keys.js';
import { createDecodeGate, type DecodeGate } from '../media/decode-gate.js';
import { mediaUrlFor } from '../media/links.js';
import type { ProviderReference } from '../providers/types.js';
import { publicUrlOf } from '../proxy.js';
import { readCreateBody, readJsonObject } from './create-body.js';
import { requestSchemas } from './request-schemas.js';

/** The contract's capabilities: the provider's models and the handler's limits. */
export async function capabilitiesOf(rt: Runtime): Promise<Capabilities> {
  const { models } = await rt.capabilities();
  return {
    provider: rt.provider.name,
    models,
    limits: { maxPromptChars: rt.limits.maxPromptChars, maxReferenceBytes: rt.limits.maxReferenceBytes },
  };
}

/** A job whose provider is no longer configured cannot go upstream again. */
function retiredConflict(record: JobRecord, what: 'retried' | 'remixed'): HttpError {
  return new HttpError(
    409,
    'conflict',
    `This video's provider (${record.job.provider}) is no longer configured, so it cannot be ${what}.`,
  );
}

/** The routes' shared steps. */
function helpers(rt: Runtime, lifecycle: Lifecycle) {
  /** The caller's job, refreshed first when it is stale and no polling loop runs here. */
  async function ownedJob(c: Context<SoraEnv>): Promise<JobRecord> {
    const jobId = c.req.param('jobId') ?? '';
    const record = await rt.repo.getOwned(jobId, c.get('owner'));
    if (!record) throw jobNotFound();
    c.set('soraJobId', jobId);
    return record;
  }

  async function fresh(record: JobRecord): Promise<JobRecord> {
    if (rt.isPolling() || !isDue(record, rt.now().getTime())) return record;
    await lifecycle.refresh(record.job.jobId);
    return (await rt.repo.get(record.job.jobId)) ?? record;
  }

  const refused = (verdict: AdmissionRefusal) =>
    new HttpError(429, verdict.code, verdict.message, { retryAfterSeconds: verdict.retryAfterSeconds });

  /** Rate and caps, read only, before the body is read: a refused caller costs no parsing. */
  async function precheck(c: Context<SoraEnv>): Promise<void> {
    const verdict = await rt.admission?.precheck?.(c.get('identity').id);
    if (verdict) throw refused(verdict);
  }

  async function admit(c: Context<SoraEnv>, input: ValidCreateVideo): Promise<string | undefined> {
    if (!rt.admission) return undefined;
    const verdict = await rt.admission.admit({ identity: c.get('identity').id, ...input });
    if (verdict.ok) return verdict.reservation;
    throw refused(verdict);
  }

  async function beforeCreate(
    c: Context<SoraEnv>,
    input: ValidCreateVideo & { hasReference: boolean; remixOf?: string },
  ): Promise<void> {
    const verdict = await rt.hooks.beforeCreate?.({ identity: c.get('identity'), input, request: c.req.raw });
    if (!verdict) return;
    if (verdict.status === 400) throw new HttpError(400, 'invalid_request', verdict.refuse);
    throw new HttpError(403, 'forbidden', verdict.refuse);
  }

  return { ownedJob, fresh, precheck, admit, beforeCreate };
}

/** Reads and validates a create request; its reference image is not decoded yet. */
async function readCreate(c: Context<SoraEnv>, rt: Runtime) {
  const body = await readCreateBody(c, rt);
  const { validateCreateVideo } = await requestSchemas();
  const checked = validateCreateVideo(body.fields, await capabilitiesOf(rt));
  if (!checked.ok) throw invalidRequest(checked.issues);
  return { input: checked.value, file: body.reference };
}

/**
 * Decodes and resizes a reference image within the handler's budgets; runs only once the job is
 * admitted, since it is the costliest thing a request can ask for.
 */
async function prepare(rt: Runtime, gate: DecodeGate, file: Blob, size: string): Promise<ProviderReference> {
  // Loaded on demand: hosts that never take references never load the image library.
  const { prepareReference } = await import('../media/reference.js');
  return gate(() =>
    prepareReference(file, size, {
      maxBytes: rt.limits.maxReferenceBytes,
      maxInputPixels: rt.limits.maxReferencePixels,
      timeoutSeconds: rt.limits.referenceDecodeSeconds,
    }),
  );
}

/** The job routes as a Hono sub-app (mounted by the handler after the identity middleware). */
export function createVideoRoutes(rt: Runtime, lifecycle: Lifecycle): Hono<SoraEnv> {
  const app = new Hono<SoraEnv>();
  const { ownedJob, fresh, precheck, admit, beforeCreate } = helpers(rt, lifecycle);
  const decodeGate = createDecodeGate({
    concurrency: rt.limits.referenceDecodeConcurrency,
    maxWaiting: rt.limits.referenceDecodeMaxWaiting,
  });

  app.post('/videos', async (c) => {
    const clientKey = c.req.header('idempotency-key');
    if (clientKey !== undefined && !isValidIdempotencyKey(clientKey)) {
      throw invalidRequest([
        { path: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 printable characters' },
      ]);
    }
    const owner = c.get('owner');
    const key = clientKey ? await idempotencyStorageKey(owner, clientKey) : undefined;
    const recall = async () => {
      const earlier = key ? await recallIdempotent(rt.storage, key, rt.now().getTime()) : null;
      return earlier ? await rt.repo.getOwned(earlier, owner) : null;
    };
    // Order (see docs/security.md): a repeat answers from storage; then rate and caps, before the
    // body is read; then the fields are read and the job admitted (quota needs its seconds and
    // model); only then is the image decoded.
    const repeat = await recall();
    if (repeat) return c.json(repeat.job, 202);
    await precheck(c);
    const { input, file } = await readCreate(c, rt);
    const run = async () => {
      const existing = await recall();
      if (existing) return existing;
      await beforeCreate(c, { ...input, hasReference: file !== undefined });
      const reservation = await admit(c, input);
      let reference: ProviderReference | undefined;
      try {
        reference = file ? await prepare(rt, decodeGate, file, input.size) : undefined;
      } catch (error) {
        if (reservation) await rt.admission?.settle(reservation, 'failed').catch(() => {});
        throw error;
      }
      const record = await createJob(rt, lifecycle, {
        identity: c.get('identity'),
        owner,
        input,
        reference,
        reservation,
        requestId: c.get('requestId'),
        // A repeat of a create whose answer was lost must be the same video upstream.
        keyBase: key ? `sora-kit-${(await sha256Hex(key)).slice(0, 40)}` : undefined,
      });
      if (key) await rememberIdempotent(rt.storage, key, record.job.jobId, rt.now().getTime());
      return record;
    };
    // One create per key at a time, so two racing repeats make one job.
    const record = key ? await rt.leases.withLock(keys.lock(key), run, 120_000) : await run();
    c.set('soraJobId', record.job.jobId);
    return c.json(record.job, 202);
  });

  app.get('/videos', async (c) => {
    const { validate, listQueryShape } = await requestSchemas();
    const query = validate(listQueryShape, c.req.query());
    if (!query.ok) throw invalidRequest(query.issues);
    const cursor = query.value.cursor === undefined ? undefined : decodeCursor(query.value.cursor);
    if (query.value.cursor !== undefined && !cursor)
      throw invalidRequest([{ path: 'cursor', message: 'cursor is not valid' }]);
    const page = await rt.repo.listPage(c.get('owner'), query.value.limit ?? 20, cursor);
    const items = await Promise.all(page.records.map(fresh));
    return c.json({ items: items.map((r) => r.job), nextCursor: page.nextCursor });
  });

  // `Cache-Control: no-store` comes with every answer (security/response-headers.ts).
  app.get('/videos/:jobId', async (c) => {
    const record = await fresh(await ownedJob(c));
    return c.json(record.job);
  });

  app.get('/videos/:jobId/media', async (c) => {
    const record = await ownedJob(c);
    const variant = c.req.query('variant') ?? 'video';
    if (!isVariant(variant)) {
      throw invalidRequest([
        { path: 'variant', message: 'variant must be one of: video, thumbnail, spritesheet' },
      ]);
    }
    if (record.job.status !== 'completed' || !record.job.asset) {
      throw new HttpError(409, 'not_ready', 'The video is not ready yet.');
    }
    if (!record.job.asset.variants.includes(variant)) {
      throw invalidRequest([{ path: 'variant', message: `this video has no ${variant}` }]);
    }
    const download = c.req.query('download');
    const link = await mediaUrlFor({
      baseUrl: publicUrlOf(c).base,
      jobId: record.job.jobId,
      variant,
      download: download === '1' || download === 'true',
      signer: rt.signer,
      now: rt.now,
      ttlSeconds: rt.limits.mediaLinkTtlSeconds,
    });
    return c.json(link);
  });

  app.post('/videos/:jobId/retry', async (c) => {
    const record = await ownedJob(c);
    if (record.job.status !== 'failed')
      throw new HttpError(409, 'conflict', 'Only a failed video can be retried.');
    if (!rt.providers.get(record.job.provider)) throw retiredConflict(record, 'retried');
    const { prompt, model, size, seconds } = record.job;
    const reservation = await admit(c, { prompt, model, size, seconds });
    const retriedRecord = await retryJob(rt, lifecycle, record, reservation);
    return c.json(retriedRecord.job, 202);
  });

  app.post('/videos/:jobId/remix', async (c) => {
    const source = await ownedJob(c);
    await precheck(c);
    const { validate, remixVideoShape } = await requestSchemas();
    const body = validate(remixVideoShape(rt.limits.maxPromptChars), await readJsonObject(c, rt));
    if (!body.ok) throw invalidRequest(body.issues);
    if (source.job.status !== 'completed' || !source.providerVideoId) {
      throw new HttpError(409, 'conflict', 'Only a completed video can be remixed.');
    }
    const provider = rt.providers.get(source.job.provider);
    if (!provider) throw retiredConflict(source, 'remixed');
    if (!provider.remix) throw new HttpError(400, 'invalid_request', 'This provider cannot remix videos.');
    const { model, size, seconds } = source.job;
    const input = { prompt: body.value.prompt, model, size, seconds };
    await beforeCreate(c, { ...input, hasReference: false, remixOf: source.job.jobId });
    const reservation = await admit(c, input);
    const record = await createJob(rt, lifecycle, {
      identity: c.get('identity'),
      owner: c.get('owner'),
      input,
      remixOf: source.job.jobId,
      remixSource: source.providerVideoId,
      provider: provider.name,
      reservation,
      requestId: c.get('requestId'),
    });
    c.set('soraJobId', record.job.jobId);
    return c.json(record.job, 202);
  });

  app.delete('/videos/:jobId', async (c) => {
    const record = await ownedJob(c);
    const { jobId } = record.job;
    // The record goes first: from then on media links and streams see the job as gone.
    await rt.jobs.remove(record);
    // A job deleted before it ended never reaches the lifecycle's settle: free its active slot here
    // (once, guarded like every settle). Its cost is kept: the provider may already be generating it.
    if (!isTerminal(record.job.status)) await settleOnce(rt, record, 'completed');
    await Promise.all(jobBlobKeys(jobId).map((key) => rt.blobs.delete(key)));
    if (record.providerVideoId) {
      await rt.storage.removeItem(keys.providerVideo(await sha256Hex(record.providerVideoId)));
    }
    // A retired provider's copy is left alone: we can no longer reach it.
    const provider = rt.providers.get(record.job.provider);
    if (record.providerVideoId && provider?.delete) {
      await provider.delete(record.providerVideoId).catch((error: unknown) => {
        rt.logger.debug('provider delete failed (ignored)', { jobId, error: String(error) });
      });
    }
    return c.body(null, 204);
  });

  return app;
}
