// The pure helpers behind what the elements show: tiles, times, sizes, remedies, keys.
import { SoraApiError } from '@sora-kit/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fr } from '../src/locales/fr.js';
import { commandFor } from '../src/player/hotkeys.js';
import { clockTime, tileAt } from '../src/player/sprite.js';
import { checkInput, fitChoice } from '../src/prompt/choice.js';
import { orientationOf, relativeTime, sizeLabel, truncate } from '../src/shared/format.js';
import { remedyFor } from '../src/shared/remedy.js';
import { en, locales, registerLocale, resolveStrings } from '../src/shared/strings.js';
import { capabilities } from './support/fake-store.js';

describe('spritesheet tiles', () => {
  test('every position maps to a tile inside the grid, in timeline order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (columns, rows, a, b) => {
          const grid = { columns, rows };
          const [early, late] = a <= b ? [a, b] : [b, a];
          const first = tileAt(early, grid);
          const second = tileAt(late, grid);
          for (const tile of [first, second]) {
            expect(tile.column).toBeGreaterThanOrEqual(0);
            expect(tile.column).toBeLessThan(columns);
            expect(tile.row).toBeGreaterThanOrEqual(0);
            expect(tile.row).toBeLessThan(rows);
          }
          expect(second.index).toBeGreaterThanOrEqual(first.index);
        },
      ),
    );
  });

  test('the start shows the first tile and the very end the last', () => {
    expect(tileAt(0, { columns: 4, rows: 3 })).toEqual({ column: 0, row: 0, index: 0 });
    expect(tileAt(1, { columns: 4, rows: 3 })).toEqual({ column: 3, row: 2, index: 11 });
    expect(clockTime(75.9)).toBe('1:15');
  });
});

describe('formatting', () => {
  test('sizes read as orientation and dimensions, in the reader’s language', () => {
    expect(sizeLabel('1280x720', en)).toBe('1280×720 · Landscape');
    expect(sizeLabel('720x1280', fr)).toBe('720×1280 · Portrait');
    expect(orientationOf('1024x1024')).toBe('square');
    expect(sizeLabel('weird', en)).toBe('weird');
  });

  test('relative times follow the clock and the locale', () => {
    const now = Date.parse('2026-11-24T10:05:00Z');
    expect(relativeTime('2026-11-24T10:04:30Z', now, 'en')).toBe('30 seconds ago');
    expect(relativeTime('2026-11-24T08:05:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeTime('2026-11-23T10:05:00Z', now, 'fr')).toBe('hier');
    expect(relativeTime('not a date', now, 'en')).toBe('');
  });

  test('long prompts are shortened on a word boundary', () => {
    expect(truncate('short')).toBe('short');
    const long = truncate('a paper boat drifting down a rainy street at dusk with lanterns glowing', 40);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long).not.toMatch(/\s…$/);
  });

  test('a regional tag picks its language pack, unknown ones fall back to English', () => {
    expect(resolveStrings('fr-CA').submit).toBe('Générer');
    expect(resolveStrings('xx').submit).toBe('Generate');
    expect(resolveStrings('en', { submit: 'Go' }).submit).toBe('Go');
  });

  test('a language is offered once its pack is registered', () => {
    expect(resolveStrings('de').submit).toBe('Generate');
    registerLocale({ ...en, locale: 'de', submit: 'Erzeugen' });
    expect(resolveStrings('de-AT').submit).toBe('Erzeugen');
    expect(locales.de?.submit).toBe('Erzeugen');
  });
});

describe('remedies', () => {
  test('each error code maps to copy a person can act on', () => {
    const err = (code: string, extra: Partial<SoraApiError> = {}) =>
      Object.assign(new SoraApiError({ status: 400, code, message: `raw ${code}` }), extra);
    expect(remedyFor(err('rate_limited'), en).retryAfterSeconds).toBe(10);
    expect(
      remedyFor(
        new SoraApiError({ status: 429, code: 'rate_limited', message: '', retryAfterSeconds: 42 }),
        en,
      ).retryAfterSeconds,
    ).toBe(42);
    expect(remedyFor(err('moderation_blocked'), en).message).toBe(en.errors.moderation_blocked);
    expect(remedyFor(err('network_error'), fr).message).toBe(fr.errors.network_error);
    const invalid = new SoraApiError({
      status: 400,
      code: 'invalid_request',
      message: 'bad',
      details: [{ path: 'size', message: 'sora-2 offers sizes 1280x720' }],
    });
    expect(remedyFor(invalid, en).issues).toEqual(['sora-2 offers sizes 1280x720']);
    expect(remedyFor(new Error('boom'), en).message).toBe(en.errorUnknown);
  });
});

describe("the prompt's choice", () => {
  test('a wish the provider does not offer falls back to its first model, first size, shortest length', () => {
    const fitted = fitChoice(capabilities, { model: 'sora-9', size: '1x1', seconds: 99 });
    expect([fitted.model?.id, fitted.size, fitted.seconds]).toEqual(['sora-2', '1280x720', 4]);
    const kept = fitChoice(capabilities, { model: 'sora-2-pro', size: '1024x1792', seconds: 8 });
    expect([kept.model?.id, kept.size, kept.seconds]).toEqual(['sora-2-pro', '1024x1792', 8]);
    // Before the capabilities arrive, the wish goes out as it is.
    expect(fitChoice(null, { model: 'sora-2', size: '', seconds: 0 })).toEqual({
      model: undefined,
      size: '',
      seconds: 0,
    });
  });

  test('the request is the fitted choice with the checked prompt; a remix sends the prompt alone', () => {
    const options = { remix: false, capabilities, wish: { model: '', size: '', seconds: 0 }, maxChars: 10 };
    expect(checkInput('  a boat ', options)).toEqual({
      ok: true,
      value: { prompt: 'a boat', model: 'sora-2', size: '1280x720', seconds: 4 },
    });
    const tooLong = checkInput('a boat on a lake', options);
    expect(tooLong.ok ? [] : tooLong.issues.map((i) => i.path)).toEqual(['prompt']);
    expect(checkInput('   ', options).ok).toBe(false);
    expect(checkInput('at night', { ...options, remix: true })).toEqual({
      ok: true,
      value: { prompt: 'at night' },
    });
  });
});

describe('player keys', () => {
  test('media keys map to commands; modified keys are left to the browser', () => {
    expect(commandFor({ key: 'K', ctrlKey: false, metaKey: false, altKey: false })).toEqual({
      kind: 'toggle',
    });
    expect(commandFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false })).toEqual({
      kind: 'seek',
      by: -10,
      share: 1 / 4,
    });
    expect(commandFor({ key: 'ArrowRight', ctrlKey: false, metaKey: false, altKey: false })).toEqual({
      kind: 'seek',
      by: 5,
      share: 1 / 8,
    });
    expect(commandFor({ key: 'f', ctrlKey: true, metaKey: false, altKey: false })).toBeUndefined();
    expect(commandFor({ key: 'x', ctrlKey: false, metaKey: false, altKey: false })).toBeUndefined();
  });
});
