// The text half of the css`…` minifier (no Node imports, so a browser test can check that the
// minified styles parse to the very same rules). Used by ./minify-css.mjs.

/** Minifies CSS text outside strings. */
function squeeze(text) {
  return (
    text
      .replace(/\s+/g, ' ')
      // Spaces around braces, semicolons, commas, child combinators, slashes and inside brackets
      // never matter in CSS; after a colon neither (a space *before* one can, `a :hover`, so that
      // stays, and so do the spaces around + and - that calc() needs).
      .replace(/\s*([{};,>/])\s*/g, '$1')
      .replace(/([(:])\s+/g, '$1')
      .replace(/\s+\)/g, ')')
      .replace(/\s+!important/g, '!important')
      // `@media (…)`: the at-rule's name ends before the bracket anyway (`and (…)` must keep its
      // space: `and(` would read as a function).
      .replace(/(@(?:media|container|supports)) \(/g, '$1(')
      // 0.5 → .5, when the 0 is a whole number and not part of one (10.5).
      .replace(/(^|[\s:,(/])0\.(\d)/g, '$1.$2')
  );
}

/** Minifies one stretch of CSS text (a template's static part, between `${…}` holes). */
export function minifyCssText(text) {
  const parts = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // [data-status='failed'] → [data-status=failed]: a value that is an identifier needs no quotes.
    .replace(/\[([\w-]+)([~|^$*]?=)(['"])([a-zA-Z_][\w-]*)\3\]/g, '[$1$2$4]')
    // Strings (`content: ''`) are kept as they are.
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/);
  return parts
    .map((part, i) => (i % 2 ? part : squeeze(part)))
    .join('')
    .replace(/;+}/g, '}')
    .trim();
}

/** Rewrites every css`…` literal of a source file; other code is left byte for byte. */
export function minifyCssTemplates(source) {
  return source.replace(/\bcss`([^`]*)`/g, (_whole, body) => {
    // Keep `${…}` holes as they are and minify only the text around them.
    const parts = body.split(/(\$\{[^}]*\})/);
    return `css\`${parts.map((part, i) => (i % 2 ? part : minifyCssText(part))).join('')}\``;
  });
}
