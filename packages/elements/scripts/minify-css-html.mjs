// The html`…` half of the build minifier (the plugin is ./minify-css.mjs): runs of whitespace in
// the static text of Lit templates become one space. Outside <pre> and `white-space: pre` (which
// the elements never use) a run of whitespace renders as one space, and the templates hold no
// <pre> and only an empty <textarea>. No Node imports, so a browser test can parse the results.

/** Collapses whitespace in every html`…` template of a source file; `${…}` code stays as it is. */
export function minifyHtmlTemplates(source) {
  const out = rewrite(source, []);
  // Only whitespace may change: a misread source fails the build instead of shipping broken code.
  if (out.replace(/\s+/g, '') !== source.replace(/\s+/g, '')) {
    throw new Error('minifyHtmlTemplates changed more than whitespace');
  }
  return out;
}

/** The static strings of every html`…` template of a source file, nested ones included. */
export function htmlTemplateStrings(source) {
  const found = [];
  rewrite(source, found);
  return found;
}

/** Minifies the html`…` templates of a source, pushing each one's static strings to `found`. */
function rewrite(source, found) {
  let out = '';
  let from = 0;
  for (const match of source.matchAll(/\bhtml`/g)) {
    if (match.index < from) continue; // inside a template already rewritten
    const start = match.index + match[0].length;
    const [text, end] = template(source, start, found);
    out += source.slice(from, start) + text;
    from = end;
  }
  return out + source.slice(from);
}

/**
 * Reads a template literal from just after its opening backtick to just after its closing one.
 * Returns the rewritten text (the closing backtick included) and where the template ends. An
 * html`…` one (`found` given) is minified and its static strings, as written, pushed to `found`;
 * any other is copied as it is.
 */
function template(source, i, found) {
  let out = '';
  let text = '';
  const strings = [];
  const flush = () => {
    strings.push(text);
    out += found ? text.replace(/\s+/g, ' ') : text;
    text = '';
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      text += source.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      flush();
      found?.push(strings);
      return [`${out}\``, i + 1];
    } else if (ch === '$' && source[i + 1] === '{') {
      flush();
      const [code, end] = expression(source, i + 2, found);
      out += `\${${code}`;
      i = end;
    } else {
      text += ch;
      i += 1;
    }
  }
  throw new Error('minifyHtmlTemplates: unterminated template literal');
}

/**
 * Reads the code of a `${…}` hole up to its closing brace, minifying the html`…` templates nested
 * in it and leaving strings, comments and other templates as they are.
 */
function expression(source, i, found) {
  let out = '';
  let depth = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '}' && depth === 0) return [`${out}}`, i + 1];
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    if (ch === "'" || ch === '"') {
      const end = stringEnd(source, i, ch);
      out += source.slice(i, end);
      i = end;
    } else if (ch === '`') {
      const [text, end] = template(source, i + 1, /\bhtml$/.test(out) ? found : undefined);
      out += `\`${text}`;
      i = end;
    } else if (ch === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) {
      const close = source[i + 1] === '/' ? '\n' : '*/';
      const end = source.indexOf(close, i + 2);
      if (end < 0) throw new Error('minifyHtmlTemplates: unterminated comment');
      out += source.slice(i, end + close.length);
      i = end + close.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  throw new Error('minifyHtmlTemplates: unterminated hole');
}

/** Where a quoted string that starts at `i` ends (just after its closing quote). */
function stringEnd(source, i, quote) {
  let j = i + 1;
  while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}
