import { describe, expect, it } from 'vitest';
import { isNotInstalled } from '../../src/optional-peer.js';

describe('isNotInstalled', () => {
  it("recognises Node's module-not-found errors for the package itself", () => {
    const missing = Object.assign(new Error("Cannot find package 'sharp' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(isNotInstalled(missing, 'sharp')).toBe(true);
    // One of the package's own imports missing is a broken install, not a missing package.
    const inner = Object.assign(new Error("Cannot find module 'detect-libc'"), { code: 'MODULE_NOT_FOUND' });
    expect(isNotInstalled(inner, 'sharp')).toBe(false);
  });

  it("recognises a browser's unresolvable bare specifier (the handler in Storybook's page)", () => {
    const chromium = new TypeError(
      'Failed to resolve module specifier "sharp". Relative references must start with either "/", "./", or "../".',
    );
    expect(isNotInstalled(chromium, 'sharp')).toBe(true);
    expect(isNotInstalled(new TypeError('sharp is not a function'), 'sharp')).toBe(false);
    expect(isNotInstalled(chromium, '@vercel/blob')).toBe(false);
  });
});
