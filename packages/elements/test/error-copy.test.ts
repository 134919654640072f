// Every error a person can meet reads as what happened and what to do next, in English and French,
// and a failed job shows that copy rather than the provider's words.
import { SoraApiError } from '@sora-kit/core';
import { afterEach, describe, expect, test } from 'vitest';
import type { SoraJobList } from '../src/job-list/sora-job-list.js';
import { fr } from '../src/locales/fr.js';
import { remedyFor } from '../src/shared/remedy.js';
import { en } from '../src/shared/strings.js';
import { $, mount, unmountAll } from './support/dom.js';
import { createFakeStore, makeJob } from './support/fake-store.js';

afterEach(unmountAll);

/** The contract's API error codes, the client's own, and a failed job's. */
const API_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'not_ready',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'quota_exceeded',
  'upstream_error',
  'upstream_unavailable',
  'internal',
  'network_error',
  'timeout',
  'invalid_response',
];
const JOB_CODES = [
  'moderation_blocked',
  'invalid_reference',
  'expired',
  'upstream_failed',
  'timeout',
  'internal',
];
/** Words that point at a next step, in each language. */
const NEXT_STEP = {
  en: /try again|retry|wait|edit|pick|sign in|refresh|contact|check|send again|generate/i,
  fr: /réessayez|relancez|attendez|modifiez|choisissez|reconnectez|rechargez|contactez|vérifiez|renvoyez|générez|essayez/i,
};

describe('error copy', () => {
  test.each([...new Set([...API_CODES, ...JOB_CODES])])(
    '%s has its own message with a next step in en and fr',
    (code) => {
      for (const [lang, t] of [
        ['en', en],
        ['fr', fr],
      ] as const) {
        const error = new SoraApiError({ status: 400, code, message: `raw ${code} from the server` });
        const { message } = remedyFor(error, t);
        expect({ lang, code, specific: message !== t.errorUnknown && !message.includes('raw') }).toEqual({
          lang,
          code,
          specific: true,
        });
        expect(message).toMatch(NEXT_STEP[lang]);
      }
    },
  );

  test('a failed job shows plain words, not the provider’s jargon', async () => {
    const { store } = createFakeStore({
      jobs: [
        makeJob({
          jobId: 'job_gone',
          status: 'failed',
          progress: 0,
          error: { code: 'expired', message: 'The provider no longer knows this video', retryable: true },
        }),
      ],
    });
    const list = await mount<SoraJobList>('sora-job-list', (el) => {
      el.store = store;
      el.lang = 'fr';
    });
    const text = $(list, '[part~="row-error"]').textContent ?? '';
    expect(text).not.toContain('provider');
    expect(text).toBe(fr.errors.expired);
  });
});
