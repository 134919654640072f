// The text half of the css`…` minifier (no Node imports, so a browser test can check that the
// minified styles parse to the very same rules). Used by ./minify-css.mjs.

/** Minifies one stretch of CSS text (a template's static part, between `${…}` holes). */
export function minifyCssText(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      // Spaces around braces, semicolons and commas never matter in CSS; after a colon neither
      // (a space *before* one can, `a :hover`, so that stays).
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}

/** Rewrites every css`…` literal of a source file; other code is left byte for byte. */
export function minifyCssTemplates(source) {
  return source.replace(/\bcss`([^`]*)`/g, (_whole, body) => {
    // Keep `${…}` holes as they are and minify only the text around them. Our styles hold no
    // strings with significant runs of spaces (only `content: ''`), so collapsing is safe.
    const parts = body.split(/(\$\{[^}]*\})/);
    return `css\`${parts.map((part, i) => (i % 2 ? part : minifyCssText(part))).join('')}\``;
  });
}
