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
import { HttpError, jobNotFound } from '../http-error.js';
import type { FeedEntry } from '../jobs/feed.js';
import type { Lifecycle } from '../jobs/lifecycle.js';
import type { JobRecord } from '../jobs/repository.js';
import type { Runtime, SoraEnv } from '../jobs/runtime.js';
import { isDue } from '../jobs/transitions.js';
import { requestHeader } from '../request-headers.js';
import { type EventSink, eventStreamResponse } from './event-stream.js';
import { createStreamCap, type StreamCap } from './stream-cap.js';

const CHECK_MS = 1000;
const SNAPSHOT_SIZE = 50;

/**
 * Follows `topic` for one stream: changes made here, and those the instance's single feed watcher
 * sees made elsewhere. Subscribed before the stream's first read, so no change falls between a
 * read and the wait. Without a polling loop here, `next()` also resolves every CHECK_MS so the
 * stream refreshes its due jobs itself.
 */
function follow(rt: Runtime, owner: string, jobId: string | undefined, signal: AbortSignal) {
  let changed = false;
  let wake: (() => void) | undefined;
  const unsubscribe = rt.notifier.subscribe(jobId ?? owner, () => {
    changed = true;
    wake?.();
  });
  const release = rt.feed.watch(owner, jobId);
  return {
    /** Resolves on the next change (at once if one came since the last call) or at the end. */
    next(): Promise<void> {
      if (changed || signal.aborted) {
        changed = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = undefined;
          changed = false;
          resolve();
        };
        const timer = rt.isPolling() ? undefined : setTimeout(done, CHECK_MS);
        wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    },
    close(): void {
      unsubscribe();
      release();
    },
  };
}

type Changes = ReturnType<typeof follow>;

/** Seconds a caller over the stream cap is told to wait (a closed stream frees a place at once). */
const STREAMS_RETRY_AFTER_SECONDS = 5;

/**
 * Runs a stream with a heartbeat and an abort signal that fires when the client goes away or the
 * handler shuts down; 429 when the caller holds the most streams allowed already.
 */
function openStream(
  c: Context<SoraEnv>,
  rt: Runtime,
  cap: StreamCap,
  topic: { owner: string; jobId?: string },
  body: (stream: EventSink, signal: AbortSignal, changes: Changes) => Promise<void>,
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
  return eventStreamResponse(c, async (stream, signal, end) => {
    // Ends when the client goes away (a failed write reports that too) or at shutdown; the
    // tracker also sends the heartbeat comment that keeps proxies from closing an idle stream.
    const untrack = rt.streams.add(stream, end);
    const changes = follow(rt, topic.owner, topic.jobId, signal);
    try {
      await body(stream, signal, changes);
    } catch (error) {
      if (!signal.aborted) {
        rt.logger.warn('event stream ended by an error', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    } finally {
      release();
      changes.close();
      untrack();
    }
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
    return openStream(c, rt, streams, { owner, jobId }, async (stream, signal, changes) => {
      let sent = '';
      let first = true;
      while (!signal.aborted) {
        let record = await rt.repo.getOwned(jobId, owner);
        if (record && due(rt, record)) {
          await lifecycle.refresh(jobId);
          record = await rt.repo.getOwned(jobId, owner);
        }
        if (!record) {
          await stream.writeSSE({ event: 'deleted', data: JSON.stringify({ jobId }) });
          return;
        }
        const data = JSON.stringify(record.job);
        const alreadyHeld = first && resumeFrom !== undefined && record.rev <= resumeFrom;
        if (data !== sent && !alreadyHeld)
          await stream.writeSSE({ event: 'job', id: String(record.rev), data });
        sent = data;
        first = false;
        if (isTerminal(record.job.status)) return;
        await changes.next();
      }
    });
  });

  app.get('/events', async (c) => {
    const owner = c.get('owner');
    const resumeFrom = parseLastEventId(c);
    // Read now: nothing the stream keeps may refer to `c`, or every idle stream would hold the
    // request's whole Hono context.
    const sessionIssued = c.get('soraSessionIssued') === true;
    return openStream(c, rt, streams, { owner }, async (stream, signal, changes) => {
      const watching = new Set<string>();
      const sendJob = async (record: JobRecord, id: number) => {
        if (!isTerminal(record.job.status)) watching.add(record.job.jobId);
        else watching.delete(record.job.jobId);
        await stream.writeSSE({ event: 'job', id: String(id), data: JSON.stringify(record.job) });
      };
      const sendEntries = async (entries: FeedEntry[]) => {
        for (const entry of latestPerJob(entries)) {
          const record = entry.kind === 'deleted' ? null : await rt.repo.getOwned(entry.jobId, owner);
          if (record) await sendJob(record, entry.seq);
          else {
            watching.delete(entry.jobId);
            await stream.writeSSE({
              event: 'deleted',
              id: String(entry.seq),
              data: JSON.stringify({ jobId: entry.jobId }),
            });
          }
        }
      };
      const sendSnapshot = async (seq: number) => {
        const page = await rt.repo.listPage(owner, SNAPSHOT_SIZE);
        for (const record of [...page.records].reverse()) await sendJob(record, seq);
      };

      let feed = await rt.feed.read(owner);
      const oldest = feed.entries[0]?.seq ?? feed.seq + 1;
      if (resumeFrom !== undefined && resumeFrom <= feed.seq && resumeFrom >= oldest - 1) {
        await sendEntries(feed.entries.filter((e) => e.seq > resumeFrom));
      } else {
        await sendSnapshot(feed.seq);
      }
      // A stream opened with a session issued just now may belong to an identity the browser is
      // about to drop (parallel first requests each get one; the browser keeps the last cookie).
      // End it; the client reconnects with the session it kept.
      if (sessionIssued) return;
      let cursor = feed.seq;
      while (!signal.aborted) {
        await changes.next();
        if (signal.aborted) return;
        // Without a polling loop here, this stream refreshes the jobs it shows when they are due.
        if (!rt.isPolling()) {
          await Promise.all(
            [...watching].map(async (jobId) => {
              const record = await rt.repo.get(jobId);
              if (record && due(rt, record)) await lifecycle.refresh(jobId);
            }),
          );
        }
        feed = await rt.feed.read(owner);
        if (feed.seq === cursor) continue;
        const firstKept = feed.entries[0]?.seq ?? feed.seq;
        if (feed.seq < cursor || firstKept > cursor + 1) await sendSnapshot(feed.seq);
        else await sendEntries(feed.entries.filter((e) => e.seq > cursor));
        cursor = feed.seq;
      }
    });
  });

  return app;
}
