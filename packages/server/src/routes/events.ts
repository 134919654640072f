/**
 * Server-sent events: `GET /videos/:jobId/events` (one job, ends after a terminal state) and
 * `GET /events` (every change to the caller's jobs).
 *
 * Event ids: on a job's stream, the job record's revision; on `/events`, the caller's change-feed
 * sequence. Both only grow, so `Last-Event-ID` resumes: a job stream skips the state the client
 * already has, `/events` replays the changes after that sequence (the latest state of each job
 * changed since), or the current state when the client is further behind than the feed keeps.
 * Streams wait on the instance's notifier: woken at once by a change made here, and by the one
 * feed watcher of the instance (jobs/feed.ts) for changes made by others, so an idle stream costs
 * no storage reads. A comment line every 15 s keeps proxies from closing them.
 */
import { isTerminal } from '@sora-kit/core/protocol';
import { type Context, Hono } from 'hono';
import { HttpError, invalidRequest, jobNotFound } from '../http-error.js';
import type { FeedEntry } from '../jobs/feed.js';
import type { Lifecycle } from '../jobs/lifecycle.js';
import type { JobRecord } from '../jobs/repository.js';
import type { Runtime, SoraEnv } from '../jobs/runtime.js';
import { isDue } from '../jobs/transitions.js';
import { requestHeader } from '../request-headers.js';
import { type EventSink, eventStreamResponse } from './event-stream.js';
import { requestSchemas } from './request-schemas.js';
import { createStreamCap, type StreamCap } from './stream-cap.js';

const CHECK_MS = 1000;
/**
 * Jobs in the snapshot a new `/events` stream starts with, unless `?limit=` asks for another
 * number. A client passes its history's page size, so the stream shows the same jobs as its first
 * page and the page after comes from "load more", not already on screen.
 */
const SNAPSHOT_SIZE = 50;

/**
 * What a stream does each time it wakes: sends what changed; resolves `true` when the stream is
 * done (a job's final state, a deleted job).
 */
type Step = () => Promise<boolean | undefined>;

/**
 * Follows `topic` for one stream: runs `step` now, and again on each change made here or seen by
 * the instance's single feed watcher made elsewhere, never two at once (a change during a step
 * runs it once more, so none falls between a read and the wait). Without a polling loop here, a
 * timer also runs it every CHECK_MS, so the stream refreshes its due jobs itself. Between steps
 * nothing waits: an idle stream holds its subscription and its state, no pending promise.
 */
function follow(rt: Runtime, sink: EventSink, owner: string, jobId: string | undefined, step: Step) {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (sink.closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    timer = undefined;
    void (async () => {
      try {
        do {
          again = false;
          if (await step()) {
            sink.close();
            return;
          }
        } while (again && !sink.closed);
      } catch (error) {
        if (!sink.closed) {
          rt.logger.warn('event stream ended by an error', {
            error: error instanceof Error ? error.message : String(error),
          });
        }
        sink.close();
      } finally {
        running = false;
        if (!sink.closed && !rt.isPolling()) timer = setTimeout(run, CHECK_MS);
      }
    })().catch(() => {
      // only a throwing logger gets here; the stream is closed already
    });
  };
  const unsubscribe = rt.notifier.subscribe(jobId ?? owner, run);
  const release = rt.feed.watch(owner, jobId);
  run();
  return () => {
    clearTimeout(timer);
    unsubscribe();
    release();
  };
}

/** Seconds a caller over the stream cap is told to wait (a closed stream frees a place at once). */
const STREAMS_RETRY_AFTER_SECONDS = 5;

/**
 * Opens a stream following `topic` with `step`; it ends when the client goes away, a step is
 * done or fails, or the handler shuts down. 429 when the caller holds the most streams allowed
 * already.
 */
function openStream(
  c: Context<SoraEnv>,
  rt: Runtime,
  cap: StreamCap,
  topic: { owner: string; jobId?: string },
  stepFor: (stream: EventSink) => Step,
): Response {
  const release = cap.acquire(c.get('owner'));
  if (!release) {
    throw new HttpError(
      429,
      'rate_limited',
      `At most ${rt.limits.maxEventStreamsPerIdentity} event streams can be open at once`,
      { retryAfterSeconds: STREAMS_RETRY_AFTER_SECONDS },
    );
  }
  c.header('X-Accel-Buffering', 'no');
  return eventStreamResponse(c, (stream) => {
    // The tracker sends the heartbeat comment that keeps proxies from closing an idle stream, and
    // closes the stream at shutdown.
    const untrack = rt.streams.add(stream);
    const unfollow = follow(rt, stream, topic.owner, topic.jobId, stepFor(stream));
    return () => {
      release();
      unfollow();
      untrack();
    };
  });
}

function due(rt: Runtime, record: JobRecord): boolean {
  return !rt.isPolling() && isDue(record, rt.now().getTime());
}

function parseLastEventId(c: Context): number | undefined {
  const raw = requestHeader(c, 'last-event-id');
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** The latest entry per job among `entries`, in feed order. */
function latestPerJob(entries: FeedEntry[]): FeedEntry[] {
  const last = new Map<string, FeedEntry>();
  for (const entry of entries) {
    last.delete(entry.jobId);
    last.set(entry.jobId, entry);
  }
  return [...last.values()];
}

/** The SSE routes as a Hono sub-app. */
export function createEventRoutes(rt: Runtime, lifecycle: Lifecycle): Hono<SoraEnv> {
  const app = new Hono<SoraEnv>();
  const streams = createStreamCap(rt.limits.maxEventStreamsPerIdentity);

  app.get('/videos/:jobId/events', async (c) => {
    const jobId = c.req.param('jobId');
    const owner = c.get('owner');
    if (!(await rt.repo.getOwned(jobId, owner))) throw jobNotFound();
    const resumeFrom = parseLastEventId(c);
    return openStream(c, rt, streams, { owner, jobId }, (stream) => {
      let sent = '';
      let first = true;
      return async () => {
        let record = await rt.repo.getOwned(jobId, owner);
        if (record && due(rt, record)) {
          await lifecycle.refresh(jobId);
          record = await rt.repo.getOwned(jobId, owner);
        }
        if (!record) {
          await stream.writeSSE({ event: 'deleted', data: JSON.stringify({ jobId }) });
          return true;
        }
        const data = JSON.stringify(record.job);
        const alreadyHeld = first && resumeFrom !== undefined && record.rev <= resumeFrom;
        if (data !== sent && !alreadyHeld)
          await stream.writeSSE({ event: 'job', id: String(record.rev), data });
        sent = data;
        first = false;
        return isTerminal(record.job.status);
      };
    });
  });

  app.get('/events', async (c) => {
    const owner = c.get('owner');
    const limit = c.req.query('limit');
    let snapshotSize = SNAPSHOT_SIZE;
    if (limit !== undefined) {
      const { validate, listQueryShape } = await requestSchemas();
      const query = validate(listQueryShape, { limit });
      if (!query.ok) throw invalidRequest(query.issues);
      snapshotSize = query.value.limit ?? SNAPSHOT_SIZE;
    }
    const resumeFrom = parseLastEventId(c);
    // Read now: nothing the stream keeps may refer to `c`, or every idle stream would hold the
    // request's whole Hono context.
    const sessionIssued = c.get('soraSessionIssued') === true;
    return openStream(c, rt, streams, { owner }, (stream) => {
      // The jobs shown that are not final yet; made on the first one (most idle streams have none).
      let watching: Set<string> | undefined;
      const sendJob = async (record: JobRecord, id: number) => {
        if (isTerminal(record.job.status)) watching?.delete(record.job.jobId);
        else {
          watching ??= new Set();
          watching.add(record.job.jobId);
        }
        await stream.writeSSE({ event: 'job', id: String(id), data: JSON.stringify(record.job) });
      };
      const sendEntries = async (entries: FeedEntry[]) => {
        for (const entry of latestPerJob(entries)) {
          const record = entry.kind === 'deleted' ? null : await rt.repo.getOwned(entry.jobId, owner);
          if (record) await sendJob(record, entry.seq);
          else {
            watching?.delete(entry.jobId);
            await stream.writeSSE({
              event: 'deleted',
              id: String(entry.seq),
              data: JSON.stringify({ jobId: entry.jobId }),
            });
          }
        }
      };
      const sendSnapshot = async (seq: number) => {
        const page = await rt.repo.listPage(owner, snapshotSize);
        for (const record of [...page.records].reverse()) await sendJob(record, seq);
      };

      /** The feed sequence sent up to; undefined before the first step. */
      let cursor: number | undefined;
      return async () => {
        if (cursor === undefined) {
          const feed = await rt.feed.read(owner);
          const oldest = feed.entries[0]?.seq ?? feed.seq + 1;
          if (resumeFrom !== undefined && resumeFrom <= feed.seq && resumeFrom >= oldest - 1) {
            await sendEntries(feed.entries.filter((e) => e.seq > resumeFrom));
          } else {
            await sendSnapshot(feed.seq);
          }
          cursor = feed.seq;
          // A stream opened with a session issued just now may belong to an identity the browser
          // is about to drop (parallel first requests each get one; the browser keeps the last
          // cookie). End it; the client reconnects with the session it kept.
          return sessionIssued;
        }
        // Without a polling loop here, this stream refreshes the jobs it shows when they are due.
        if (!rt.isPolling() && watching?.size) {
          await Promise.all(
            [...watching].map(async (jobId) => {
              const record = await rt.repo.get(jobId);
              if (record && due(rt, record)) await lifecycle.refresh(jobId);
            }),
          );
        }
        const sentUpTo = cursor;
        const feed = await rt.feed.read(owner);
        if (feed.seq === sentUpTo) return false;
        const firstKept = feed.entries[0]?.seq ?? feed.seq;
        if (feed.seq < sentUpTo || firstKept > sentUpTo + 1) await sendSnapshot(feed.seq);
        else await sendEntries(feed.entries.filter((e) => e.seq > sentUpTo));
        cursor = feed.seq;
        return false;
      };
    });
  });

  return app;
}
