// What a person sees of the prompt's limits: the counter never covers the text, Generate is off
// (with the reason named) while the prompt cannot be sent, and every select shows its whole label.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SoraPrompt } from '../../src/prompt/sora-prompt.js';
import { $, $$, mount, unmountAll } from '../support/dom.js';
import { createFakeStore, type FakeStore } from '../support/fake-store.js';

let fake: FakeStore;

beforeEach(() => {
  fake = createFakeStore();
});
afterEach(unmountAll);

const mountPrompt = (width: number, setup: (el: SoraPrompt) => void = () => undefined) =>
  mount<SoraPrompt>('sora-prompt', (el) => {
    el.store = fake.store;
    el.style.width = `${width}px`;
    el.style.display = 'block';
    setup(el);
  });

async function type(el: SoraPrompt, text: string) {
  const field = $<HTMLTextAreaElement>(el, 'textarea');
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Whether two boxes share any pixel. */
function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('<sora-prompt> limits', () => {
  test('an over-long prompt: the count sits outside the field, in the danger colour, and Generate is off with the reason', async () => {
    const el = await mountPrompt(720);
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    await type(el, 'x'.repeat(320));
    const field = $<HTMLTextAreaElement>(el, 'textarea');
    field.scrollTop = field.scrollHeight; // the last line of text is in view, where the count used to sit
    const count = $(el, '[part~="count"]');
    expect(overlaps(count.getBoundingClientRect(), field.getBoundingClientRect())).toBe(false);
    expect(getComputedStyle(count).color).toBe(getComputedStyle($(el, '.limit')).color);
    expect(getComputedStyle(count).color).not.toBe(getComputedStyle($(el, '.hint')).color);

    expect(submit.disabled).toBe(true);
    const reason = $(el, `#${submit.getAttribute('aria-describedby')}`);
    expect(reason.textContent).toContain('120 characters over the limit');

    await type(el, 'A short prompt');
    expect(submit.disabled).toBe(false);
    expect(submit.hasAttribute('aria-describedby')).toBe(false);
  });

  test('an empty prompt: Generate is off and says why; Ctrl+Enter still explains inline', async () => {
    const el = await mountPrompt(720);
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.disabled).toBe(true);
    expect($(el, `#${submit.getAttribute('aria-describedby')}`).textContent).toContain('Describe the video');
    await type(el, '   ');
    expect(submit.disabled).toBe(true);
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).toContain('prompt is required');
    expect(fake.callsOf('create')).toHaveLength(0);
  });

  test.each([390, 720, 1280])('at %i px every select shows its whole label', async (width) => {
    for (const model of ['sora-2', 'sora-2-pro']) {
      const el = await mountPrompt(width, (p) => {
        p.model = model;
      });
      const canvas = document.createElement('canvas').getContext('2d');
      if (!canvas) throw new Error('no 2d canvas');
      for (const select of $$<HTMLSelectElement>(el, 'select')) {
        const style = getComputedStyle(select);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const widest = Math.max(...Array.from(select.options, (o) => canvas.measureText(o.text).width));
        // Text, the padding on both sides and room for the drop-down arrow (about 20 px).
        const needed =
          widest + Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight) + 20;
        expect(select.clientWidth, `${select.name} at ${width}px (${model})`).toBeGreaterThanOrEqual(needed);
      }
      unmountAll();
    }
  });
});
