import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isResolvable, nodeRequire } from '../../src/node-require.js';

describe('isResolvable', () => {
  it('finds an installed package and not a missing one', () => {
    expect(isResolvable('hono')).toBe(true);
    expect(isResolvable('@sora-kit/no-such-package')).toBe(false);
  });

  it('does not load the package it finds', () => {
    // range-parser is CommonJS, so loading it would leave it in require's cache.
    const cache = createRequire(import.meta.url).cache;
    const loaded = () => Object.keys(cache).some((path) => path.includes('range-parser'));
    expect(loaded()).toBe(false);
    expect(isResolvable('range-parser')).toBe(true);
    expect(loaded()).toBe(false);
  });

  it('loads what it is asked to through nodeRequire', () => {
    expect(typeof (nodeRequire()?.('range-parser') as unknown)).toBe('function');
  });
});
