// Runs in Node (not the browser): importing the package during server-side rendering or in a
// build script must not touch `window` or `customElements`, and must not throw.
import { describe, expect, test } from 'vitest';

describe('importing @sora-kit/elements in Node', () => {
  test('neither touches window nor registers anything, and still exports the classes', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const elements = await import('../src/index.js');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof elements.SoraStudio).toBe('function');
    expect(typeof elements.SoraPrompt).toBe('function');
    expect(elements.en.submit).toBe('Generate');
    // Defining is a no-op where custom elements do not exist.
    expect(() => elements.defineSoraElements()).not.toThrow();
  });

  test('a locale module imports too and registers its pack', async () => {
    const { resolveStrings } = await import('../src/index.js');
    await import('../src/locales/fr.js');
    expect(resolveStrings('fr').submit).toBe('Générer');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  });

  test('the React entry imports too', async () => {
    const react = await import('../src/react.js');
    expect(react.SoraStudio).toBeDefined();
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  });
});
