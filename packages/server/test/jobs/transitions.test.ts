import type { Job } from '@sora-kit/core';
import { expect, test } from 'vitest';
import type { JobRecord } from '../../src/jobs/repository.js';
import {
  afterUpstreamFailure,
  clampProgress,
  completed,
  decideRefresh,
  failed,
  providerIdempotencyKey,
  retried,
} from '../../src/jobs/transitions.js';

const job: Job = {
  jobId: 'job_1',
  status: 'in_progress',
  progress: 40,
  prompt: 'p',
  model: 'sora-2',
  size: '1280x720',
  seconds: 4,
  provider: 'fake',
  hasReference: false,
  attempts: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const record: JobRecord = {
  job,
  identity: 'u',
  owner: 'o',
  rev: 3,
  indexChunk: 0,
  providerVideoId: 'video_1',
  attemptStartedAt: 0,
  poll: { nextAt: 0, failures: 2 },
};

test('progress is an integer below 100 until completion, and never goes back', () => {
  expect(clampProgress(99.9)).toBe(99);
  expect(clampProgress(100)).toBe(99);
  expect(clampProgress(-3)).toBe(0);
  expect(clampProgress(undefined)).toBe(0);
  expect(decideRefresh(record, { id: 'video_1', status: 'in_progress', progress: 10 }, 0)).toEqual({
    type: 'progress',
    status: 'in_progress',
    progress: 40,
  });
});

test("a finished video is copied unless the provider's copy already expired", () => {
  expect(decideRefresh(record, { id: 'v', status: 'completed', expiresAt: 5000 }, 1000)).toEqual({
    type: 'copy',
  });
  const expired = decideRefresh(record, { id: 'v', status: 'completed', expiresAt: 5000 }, 5000);
  expect(expired).toMatchObject({ type: 'fail', error: { code: 'expired' } });
});

test('a provider failure keeps its code; moderation is not retryable', () => {
  const decision = decideRefresh(
    record,
    { id: 'v', status: 'failed', error: { code: 'moderation_blocked', message: 'no', retryable: false } },
    0,
  );
  expect(decision).toEqual({
    type: 'fail',
    error: { code: 'moderation_blocked', message: 'no', retryable: false },
  });
});

test('completion sets progress 100, the asset and completedAt, and clears an error', () => {
  const asset = {
    contentType: 'video/mp4',
    bytes: 1,
    width: 1280,
    height: 720,
    seconds: 4,
    variants: ['video' as const],
  };
  const withError = failed(record, { code: 'internal', message: 'x', retryable: true }, 't0');
  const done = completed(withError, asset, 't1');
  expect(done.job).toMatchObject({
    status: 'completed',
    progress: 100,
    asset,
    completedAt: 't1',
    updatedAt: 't1',
  });
  expect(done.job.error).toBeUndefined();
});

test('a retry keeps the id, adds an attempt, forgets the provider video and gets a new idempotency key', () => {
  const failedRecord = failed(record, { code: 'upstream_failed', message: 'x', retryable: true }, 't0');
  const again = retried(failedRecord, 10_000, 't2');
  expect(again.job).toMatchObject({ jobId: 'job_1', status: 'queued', progress: 0, attempts: 2 });
  expect(again.job.error).toBeUndefined();
  expect(again.providerVideoId).toBeUndefined();
  expect(again.attemptStartedAt).toBe(10_000);
  expect(providerIdempotencyKey(again)).not.toBe(providerIdempotencyKey(failedRecord));
});

test('the failure budget turns repeated upstream failures into upstream_failed', () => {
  expect(afterUpstreamFailure(record, 5)).toEqual({ type: 'backoff', failures: 3 });
  expect(afterUpstreamFailure(record, 3)).toMatchObject({
    type: 'fail',
    error: { code: 'upstream_failed', retryable: true },
  });
});
