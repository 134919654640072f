// The build minifies the css`…` templates (scripts/minify-css-text.mjs): Chromium must read the
// minified text as exactly the same rules as the source, for every stylesheet of the elements.
import { expect, test } from 'vitest';
import { minifyCssTemplates } from '../scripts/minify-css-text.mjs';
import list from '../src/shared/list-styles.ts?raw';
import player from '../src/shared/player-styles.ts?raw';
import prompt from '../src/shared/prompt-styles.ts?raw';
import shared from '../src/shared/styles.ts?raw';
import studio from '../src/sora-studio.ts?raw';

/** The bodies of the css`…` templates of a source file. */
const bodies = (source: string) => [...source.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1] ?? '');

/**
 * The rules Chromium reads from a stylesheet's text. Values it keeps unparsed (custom properties,
 * `var()` fallbacks) keep their own spacing, which CSS ignores there, so spacing is evened out.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return Array.from(sheet.cssRules, (rule) =>
    rule.cssText.replace(/\s+/g, ' ').replace(/\s*([,()])\s*/g, '$1'),
  );
}

test.each([
  ['styles', shared],
  ['list', list],
  ['player', player],
  ['prompt', prompt],
  ['studio', studio],
])('the minified %s styles are the same rules, in fewer bytes', (_name, source) => {
  const before = bodies(source);
  const after = bodies(minifyCssTemplates(source));
  expect(after).toHaveLength(before.length);
  expect(before.length).toBeGreaterThan(0);
  before.forEach((text, i) => {
    const minified = after[i] ?? '';
    expect(minified.length).toBeLessThan(text.length);
    expect(minified).not.toContain('/*');
    expect(rules(minified)).toEqual(rules(text));
    expect(rules(text).length).toBeGreaterThan(0);
  });
});
