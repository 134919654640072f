/**
 * Live-update behaviour, run both in Node (test/live.test.ts) and in Chromium
 * (test/browser/live.test.ts): the stream, reconnects with Last-Event-ID, the polling fallback,
 * pausing while hidden, and stopping everything on release.
 */
import { describe, expect, it, vi } from 'vitest';
import { createJobStore } from '../src/index.js';
import { ENDPOINT, fakeServer, job, later, manualTimers, manualVisibility } from './harness.js';

function setup() {
  const server = fakeServer();
  const clock = manualTimers();
  const page = manualVisibility();
  const network = new Set<() => void>();
  const online = (fn: () => void) => {
    network.add(fn);
    return () => network.delete(fn);
  };
  const store = createJobStore({
    endpoint: ENDPOINT,
    fetch: server.fetch,
    crossTab: false,
    live: { timers: clock.timers, visibility: page.visibility, online, random: () => 0.5 },
  });
  const backOnline = () => {
    for (const fn of network) fn();
  };
  return { server, clock, page, store, backOnline, networkListeners: () => network.size };
}

export function liveSuite() {
  describe('live updates', () => {
    it('one stream per store, however many hold it; events update jobs and deletions remove them', async () => {
      const { server, store } = setup();
      const releaseA = store.retain();
      const releaseB = store.retain();
      expect(store.connection.value).toBe('connecting');
      await vi.waitFor(() => expect(store.connection.value).toBe('live'));
      expect(server.eventRequests()).toBe(1);
      const stream = server.open()[0];
      const j = job();
      stream?.send('job', j, '1');
      await vi.waitFor(() => expect(store.job(j.jobId).value).toEqual(j));
      stream?.send('job', later(j, { progress: 55 }), '2');
      await vi.waitFor(() => expect(store.job(j.jobId).value?.progress).toBe(55));
      stream?.send('deleted', { jobId: j.jobId }, '3');
      await vi.waitFor(() => expect(store.jobs.value).toEqual([]));
      releaseA();
      expect(server.open()).toHaveLength(1);
      releaseB();
      expect(store.connection.value).toBe('idle');
      await vi.waitFor(() => expect(server.open()).toHaveLength(0));
    });

    it('reconnects after the stream drops, sending Last-Event-ID', async () => {
      const { server, clock, store } = setup();
      const release = store.retain();
      await vi.waitFor(() => expect(server.open()).toHaveLength(1));
      const j = job();
      server.streams[0]?.send('job', j, 'evt-7');
      await vi.waitFor(() => expect(store.job(j.jobId).value).toBeDefined());
      server.streams[0]?.drop();
      await vi.waitFor(() => expect(store.connection.value).toBe('connecting'));
      expect(clock.count()).toBe(1);
      clock.fireAll();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'));
      expect(server.eventRequests()).toBe(2);
      expect(server.streams[1]?.lastEventId).toBe('evt-7');
      // A clean end (a deploy, a proxy timeout) is resumed the same way.
      server.streams[1]?.send('job', later(j, { progress: 80 }), 'evt-8');
      server.streams[1]?.end();
      await vi.waitFor(() => expect(store.connection.value).toBe('connecting'));
      expect(clock.count()).toBe(1);
      clock.fireAll();
      await vi.waitFor(() => expect(server.eventRequests()).toBe(3));
      expect(server.streams[2]?.lastEventId).toBe('evt-8');
      expect(store.job(j.jobId).value?.progress).toBe(80);
      release();
    });

    it('falls back to polling when the stream is unavailable, and polls with the latest state', async () => {
      const { server, clock, store } = setup();
      server.state.eventsStatus = 404;
      const a = job({ status: 'queued', progress: 0 });
      server.jobs.set(a.jobId, a);
      const release = store.retain();
      await vi.waitFor(() => expect(store.connection.value).toBe('polling'));
      await vi.waitFor(() => expect(store.job(a.jobId).value).toEqual(a));
      server.jobs.set(a.jobId, later(a, { status: 'in_progress', progress: 40 }));
      await vi.waitFor(() => expect(clock.count()).toBe(1));
      clock.fireAll();
      await vi.waitFor(() => expect(store.job(a.jobId).value?.progress).toBe(40));
      expect(server.eventRequests()).toBe(1);
      release();
      expect(clock.count()).toBe(0);
    });

    it('falls back to polling after repeated stream failures, and goes live again when it recovers', async () => {
      const { server, clock, store } = setup();
      server.state.eventsStatus = 503;
      const release = store.retain();
      for (let attempt = 1; attempt < 3; attempt++) {
        await vi.waitFor(() => expect(clock.count()).toBe(1));
        expect(store.connection.value).toBe('connecting');
        clock.fireAll();
      }
      await vi.waitFor(() => expect(store.connection.value).toBe('polling'));
      expect(server.eventRequests()).toBe(3);
      server.state.eventsStatus = 200;
      // Every few polls the stream is tried again.
      for (let polls = 0; store.connection.value !== 'live'; polls++) {
        expect(polls).toBeLessThan(10);
        clock.fireAll();
        await vi.waitFor(() => expect(clock.count() === 1 || store.connection.value === 'live').toBe(true));
      }
      expect(server.eventRequests()).toBe(4);
      release();
    });

    it('says offline when the network is down, and polls less often while it stays down', async () => {
      const { server, clock, store } = setup();
      server.state.offline = true;
      const release = store.retain();
      await vi.waitFor(() => expect(store.connection.value).toBe('offline'));
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        await vi.waitFor(() => expect(clock.count()).toBe(1));
        delays.push(...clock.delays());
        clock.fireAll();
      }
      expect(store.connection.value).toBe('offline');
      // Backoff: the waits grow.
      expect(delays.at(-1)).toBeGreaterThan(delays[0] ?? 0);
      server.state.offline = false;
      server.state.eventsStatus = 404;
      await vi.waitFor(() => expect(clock.count()).toBe(1));
      clock.fireAll();
      await vi.waitFor(() => expect(store.connection.value).toBe('polling'));
      release();
    });

    it('reconnects at once when the network comes back, without waiting out the backoff', async () => {
      const { server, clock, store, backOnline, networkListeners } = setup();
      server.state.offline = true;
      const release = store.retain();
      await vi.waitFor(() => expect(store.connection.value).toBe('offline'));
      expect(clock.count()).toBe(1);
      server.state.offline = false;
      backOnline();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'));
      // Only the idle watchdog is left: the backoff wait was skipped.
      expect(clock.delays()).toEqual([45_000]);
      release();
      expect(networkListeners()).toBe(0);
      expect(clock.count()).toBe(0);
    });

    it('replaces a stream that goes silent (a half-open connection), resuming from the last event', async () => {
      const { server, clock, store } = setup();
      const release = store.retain();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'));
      server.open()[0]?.send('job', job(), 'e9');
      await vi.waitFor(() => expect(store.jobs.value).toHaveLength(1));
      expect(clock.delays()).toEqual([45_000]);
      clock.fireAll(); // 45 s without a byte, not even a heartbeat
      await vi.waitFor(() => expect(store.connection.value).toBe('connecting'));
      expect(server.streams[0]?.closed).toBe(true);
      clock.fireAll();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'));
      expect(server.streams[1]?.lastEventId).toBe('e9');
      release();
    });

    it('pauses polling while the page is hidden and catches up when it shows again', async () => {
      const { server, clock, page, store } = setup();
      server.state.eventsStatus = 404;
      const release = store.retain();
      await vi.waitFor(() => expect(clock.count()).toBe(1));
      const polls = server.pollRequests();
      page.set(true);
      expect(clock.count()).toBe(0);
      expect(server.pollRequests()).toBe(polls);
      page.set(false);
      await vi.waitFor(() => expect(server.pollRequests()).toBe(polls + 1));
      await vi.waitFor(() => expect(clock.count()).toBe(1));
      release();
      expect(clock.count()).toBe(0);
      expect(page.listeners()).toBe(0);
    });

    it('dispose stops everything, even with holders left', async () => {
      const { server, clock, page, store } = setup();
      store.retain();
      await vi.waitFor(() => expect(server.open()).toHaveLength(1));
      store.dispose();
      await vi.waitFor(() => expect(server.open()).toHaveLength(0));
      expect(clock.count()).toBe(0);
      expect(page.listeners()).toBe(0);
      expect(store.connection.value).toBe('idle');
    });
  });
}
