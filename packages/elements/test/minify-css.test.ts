// The build minifies the css`…` templates (scripts/minify-css-text.mjs) and the whitespace of the
// html`…` ones (scripts/minify-css-html.mjs). Chromium must read the minified styles as exactly the
// same rules as the source's, and parse the minified markup to the same elements, attributes and
// text, for every template of the elements.
import { describe, expect, test } from 'vitest';
import { htmlTemplateStrings, minifyHtmlTemplates } from '../scripts/minify-css-html.mjs';
import { minifyCssTemplates } from '../scripts/minify-css-text.mjs';
import jobListElement from '../src/job-list/sora-job-list.ts?raw';
import list from '../src/job-list/styles.ts?raw';
import playerElement from '../src/player/sora-player.ts?raw';
import playerStates from '../src/player/states.ts?raw';
import player from '../src/player/styles.ts?raw';
import promptOptions from '../src/prompt/options.ts?raw';
import promptElement from '../src/prompt/sora-prompt.ts?raw';
import prompt from '../src/prompt/styles.ts?raw';
import jobRow from '../src/shared/job-row.ts?raw';
import shared from '../src/shared/tokens.ts?raw';
import studio from '../src/studio/sora-studio.ts?raw';

/**
 * The css`…` templates of a source file, with the `${name}` holes filled in from the templates
 * assigned to those names in the same file (a declaration list shared by two rules).
 */
function stylesheets(source: string): string[] {
  const templates = [...source.matchAll(/(?:const (\w+) = )?css`([^`]*)`/g)];
  const named = new Map(templates.map((m) => [m[1], m[2] ?? '']));
  return templates.map((m) =>
    (m[2] ?? '').replace(/\$\{(\w+)\}/g, (hole, name: string) => named.get(name) ?? hole),
  );
}

/**
 * The rules Chromium reads from a stylesheet's text; a bare declaration list is read as the host's.
 * Values it keeps unparsed (custom properties, `var()` fallbacks) keep their own spacing, which CSS
 * ignores there, so spacing is evened out.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text.includes('{') ? text : `:host{${text}}`);
  return Array.from(sheet.cssRules, (rule) =>
    rule.cssText
      .replace(/\s+/g, ' ')
      .replace(/\s*([,()/])\s*/g, '$1')
      .replace(/(^|[\s:,(/])0\./g, '$1.'),
  );
}

describe('css`…`', () => {
  test.each([
    ['styles', shared],
    ['list', list],
    ['player', player],
    ['prompt', prompt],
    ['studio', studio],
  ])('the minified %s styles are the same rules, in fewer bytes', (_name, source) => {
    const before = stylesheets(source);
    const after = stylesheets(minifyCssTemplates(source));
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

  test('the shared dark tokens reach both dark rules', () => {
    const [, tokens] = stylesheets(minifyCssTemplates(shared));
    const dark = rules(tokens ?? '').filter((rule) => rule.includes('#a49bff'));
    expect(dark).toHaveLength(2);
    expect(dark[0]).toMatch(/^@media/);
    expect(dark[1]).toMatch(/^:host\(\[theme=.?dark/);
  });
});

/** A template's markup with its holes marked, parsed the way Lit parses it. */
function parse(strings: string[]): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = strings.map((s, i) => (i ? `hole${i}` : '') + s).join('');
  return template.content;
}

/** Elements, attributes and text of a tree, with each run of whitespace read as one space. */
function shape(node: Node): unknown {
  const even = (text: string) => text.replace(/\s+/g, ' ');
  if (node instanceof Element) {
    const attributes = Array.from(node.attributes, (a) => `${a.name}=${even(a.value)}`);
    return [node.localName, attributes, Array.from(node.childNodes, shape)];
  }
  if (node instanceof Text) return even(node.data);
  return Array.from(node.childNodes, shape);
}

describe('html`…`', () => {
  test.each([
    ['sora-job-list', jobListElement],
    ['sora-player', playerElement],
    ['sora-prompt', promptElement],
    ['sora-studio', studio],
    ['job-row', jobRow],
    ['player-states', playerStates],
    ['prompt-options', promptOptions],
  ])('the minified %s markup parses to the same elements and text', (_name, source) => {
    const minified = minifyHtmlTemplates(source);
    expect(minified.length).toBeLessThan(source.length);
    const before = htmlTemplateStrings(source);
    const after = htmlTemplateStrings(minified);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((strings) => strings.length)).toEqual(before.map((strings) => strings.length));
    before.forEach((strings, i) => {
      const squeezed = after[i] ?? [];
      for (const text of squeezed) expect(text).not.toMatch(/\s\s/);
      expect(shape(parse(squeezed))).toEqual(shape(parse(strings)));
    });
  });

  test('the code in holes is left alone and nested templates are minified', () => {
    // `@{` stands for a hole's opening, which a plain string may not spell.
    const holes = (text: string) => text.replaceAll('@{', '$' + '{');
    const source = holes('html`<p  class="a">\n  @{x ? html`<b>\n  @{"  y  "}</b>` : `  z  `}\n</p>`');
    expect(minifyHtmlTemplates(source)).toBe(
      holes('html`<p class="a"> @{x ? html`<b> @{"  y  "}</b>` : `  z  `} </p>`'),
    );
  });
});
