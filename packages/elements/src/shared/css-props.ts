/**
 * `${cssProps({ 'aspect-ratio': '16 / 9' })}` on an element: sets inline styles through CSSOM
 * (`style.setProperty`), never as a `style` attribute. A strict Content-Security-Policy blocks style
 * attributes (Lit's styleMap writes one on first render) but allows CSSOM writes.
 */
import { type ElementPart, nothing } from 'lit';
import { Directive, directive } from 'lit/directive.js';

class CssProps extends Directive {
  render(_styles: Record<string, string>) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    return nothing;
  }
}

/** Sets the given CSS properties (kebab-case names) on the element it is bound to. */
export const cssProps = directive(CssProps);
