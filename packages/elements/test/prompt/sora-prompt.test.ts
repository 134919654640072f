import { SoraApiError } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/locales/fr.js';
import type { SoraPrompt } from '../../src/prompt/sora-prompt.js';
import { en, registerLocale } from '../../src/shared/strings.js';
import { $, $$, axeViolations, collect, mount, unmountAll, until } from '../support/dom.js';
import { createFakeStore, type FakeStore, makeJob } from '../support/fake-store.js';
import { imageFile } from '../support/images.js';

let fake: FakeStore;

beforeEach(() => {
  fake = createFakeStore();
});
afterEach(() => {
  vi.useRealTimers();
  unmountAll();
});

const mountPrompt = (setup: (el: SoraPrompt) => void = () => undefined) =>
  mount<SoraPrompt>('sora-prompt', (el) => {
    el.store = fake.store;
    setup(el);
  });

async function type(el: SoraPrompt, text: string) {
  const field = $<HTMLTextAreaElement>(el, 'textarea');
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<sora-prompt>', () => {
  test('offers only what the provider can do, with readable size labels and a live count', async () => {
    const el = await mountPrompt();
    const sizes = $$<HTMLOptionElement>(el, 'select[name="size"] option').map((o) => o.textContent?.trim());
    expect(sizes).toEqual(['1280×720 · Landscape', '720×1280 · Portrait']);
    const lengths = $$<HTMLOptionElement>(el, 'select[name="seconds"] option').map((o) =>
      o.textContent?.trim(),
    );
    expect(lengths).toEqual(['4 seconds', '8 seconds', '12 seconds']);
    expect($(el, '[part~="count"]').textContent).toBe('0 / 200');
    await type(el, 'A fox');
    expect($(el, '[part~="count"]').textContent).toBe('5 / 200');

    const model = $<HTMLSelectElement>(el, 'select[name="model"]');
    model.value = 'sora-2-pro';
    model.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const proSizes = $$<HTMLOptionElement>(el, 'select[name="size"] option').map((o) => o.value);
    expect(proSizes).toEqual(['1792x1024', '1024x1792']);
  });

  test('shows the estimated cost when the model has prices, and hides it when not', async () => {
    const el = await mountPrompt();
    expect($(el, '[part~="cost"]').textContent).toContain('$0.40');
    const seconds = $<HTMLSelectElement>(el, 'select[name="seconds"]');
    seconds.value = '12';
    seconds.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '[part~="cost"]').textContent).toContain('$1.20');
    el.model = 'sora-2-pro';
    await el.updateComplete;
    expect($$(el, '[part~="cost"]')).toHaveLength(0);
  });

  test('submitting sends the validated request, fires sora-job-created and clears the field', async () => {
    const el = await mountPrompt();
    const created = collect(document, 'sora-job-created');
    await type(el, '  A red kite over the sea  ');
    $(el, '[part~="submit"]').click();
    await until(() => created.length === 1);
    expect(fake.callsOf('create')[0]?.args[0]).toEqual({
      prompt: 'A red kite over the sea',
      model: 'sora-2',
      size: '1280x720',
      seconds: 4,
    });
    expect(created[0]?.detail.job.prompt).toBe('A red kite over the sea');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, 'textarea').value).toBe('');
    // Focus stays where the person can type the next prompt.
    expect(el.shadowRoot?.activeElement?.localName).toBe('textarea');
  });

  test('Ctrl+Enter submits, and the button is disabled while sending', async () => {
    let finish: () => void = () => undefined;
    fake.behaviour.create = (input) =>
      new Promise((resolve) => {
        finish = () => resolve(makeJob({ prompt: input.prompt, status: 'queued', progress: 0 }));
      });
    const el = await mountPrompt();
    await type(el, 'A lighthouse in fog');
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await until(() => fake.callsOf('create').length === 1);
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).toBe(true);
    expect($(el, '[part~="submit"]').textContent?.trim()).toBe('Sending…');
    finish();
    await until(() => $(el, '[part~="submit"]').getAttribute('aria-busy') === 'false');
    expect($(el, '[part~="submit"]').textContent?.trim()).toBe('Generate');
    // The field is cleared for the next prompt; Generate comes back as soon as there is one.
    await type(el, 'A second lighthouse');
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).toBe(false);
  });

  test('an empty or too long prompt is refused inline without calling the server', async () => {
    const el = await mountPrompt();
    // The button is off then; Ctrl+Enter (or submit()) explains why inline.
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).toContain('prompt is required');
    await type(el, 'x'.repeat(201));
    expect($(el, '[part~="count"]').classList.contains('over')).toBe(true);
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).toContain('at most 200 characters');
    expect(fake.callsOf('create')).toHaveLength(0);
  });

  test('a rate limit shows a live countdown and blocks sending until it ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    fake.behaviour.create = async () => {
      throw new SoraApiError({
        status: 429,
        code: 'rate_limited',
        message: 'slow down',
        retryAfterSeconds: 3,
      });
    };
    const el = await mountPrompt();
    await type(el, 'A storm over wheat fields');
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').dataset.code).toBe('rate_limited');
    expect($(el, '[part~="countdown"]').textContent).toContain('3 s');
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).toBe(true);
    expect(await axeViolations(el)).toEqual([]);
    vi.advanceTimersByTime(1000);
    await el.updateComplete;
    expect($(el, '[part~="countdown"]').textContent).toContain('2 s');
    vi.advanceTimersByTime(2000);
    await el.updateComplete;
    expect($$(el, '[part~="countdown"]')).toHaveLength(0);
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).toBe(false);
  });

  test('a countdown stops when the prompt leaves the page', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    fake.behaviour.create = async () => {
      throw new SoraApiError({
        status: 429,
        code: 'quota_exceeded',
        message: 'quota',
        retryAfterSeconds: 60,
      });
    };
    const el = await mountPrompt();
    await type(el, 'One more');
    await el.submit();
    expect(vi.getTimerCount()).toBe(1);
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('moderation and network errors come with a remedy', async () => {
    fake.behaviour.create = async () => {
      throw new SoraApiError({ status: 400, code: 'moderation_blocked', message: 'blocked' });
    };
    const el = await mountPrompt();
    await type(el, 'something refused');
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).toContain('Edit it');
    fake.behaviour.create = async () => {
      throw new SoraApiError({ status: 0, code: 'network_error', message: 'offline' });
    };
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).toContain('Check your connection');
    expect(await axeViolations(el)).toEqual([]);
  });

  test('a request refused as a whole shows the server’s reason, marks no field it is not about, and goes once edited', async () => {
    const reason =
      'The reference image must be exactly 1280x720 pixels: this server cannot resize images (the optional package "sharp" is not installed)';
    fake.behaviour.create = async () => {
      throw new SoraApiError({ status: 400, code: 'invalid_request', message: reason });
    };
    const el = await mountPrompt();
    await type(el, 'A lighthouse at dusk');
    const data = new DataTransfer();
    data.items.add(imageFile('square.png', 'image/png'));
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await until(() => $$(el, '[part~="reference-preview"]').length === 1);
    await el.submit();
    await el.updateComplete;
    const error = $(el, '[part~="error"]');
    expect([...error.querySelectorAll('li')].map((item) => item.textContent)).toEqual([reason]);
    // The prompt itself is fine: it is not marked invalid.
    expect($(el, 'textarea').getAttribute('aria-invalid')).toBe('false');
    // Choosing another size is an edit: the stale list goes.
    const size = $<HTMLSelectElement>(el, 'select[name="size"]');
    size.value = '720x1280';
    size.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($$(el, '[part~="error"]')).toHaveLength(0);
    // So is removing the image, after a second refusal.
    await el.submit();
    await el.updateComplete;
    expect($$(el, '[part~="error"]')).toHaveLength(1);
    $(el, '[part~="reference-remove"]').click();
    await el.updateComplete;
    expect($$(el, '[part~="error"]')).toHaveLength(0);
  });

  test('a field the server lists is the one marked invalid', async () => {
    fake.behaviour.create = async () => {
      throw new SoraApiError({
        status: 400,
        code: 'invalid_request',
        message: 'Invalid request',
        details: [{ path: 'prompt', message: 'prompt mentions a real person' }],
      });
    };
    const el = await mountPrompt();
    await type(el, 'A portrait of someone famous');
    await el.submit();
    await el.updateComplete;
    expect([...$(el, '[part~="error"]').querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'prompt mentions a real person',
    ]);
    expect($(el, 'textarea').getAttribute('aria-invalid')).toBe('true');
    await type(el, 'A portrait of a fox');
    expect($$(el, '[part~="error"]')).toHaveLength(0);
    expect($(el, 'textarea').getAttribute('aria-invalid')).toBe('false');
  });

  test('a reference image is checked for type and size, previewed at the chosen aspect and sent', async () => {
    const el = await mountPrompt();
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    const pick = async (file: File) => {
      const data = new DataTransfer();
      data.items.add(file);
      input.files = data.files;
      const before = el.shadowRoot?.textContent;
      input.dispatchEvent(new Event('change'));
      await until(() => el.shadowRoot?.textContent !== before);
    };
    await pick(new File(['GIF89a'], 'a.gif', { type: 'image/gif' }));
    expect($(el, '[part~="error"]').textContent).toContain('PNG, JPEG or WebP');
    await pick(imageFile('big.png', 'image/png', 2048));
    expect($(el, '[part~="error"]').textContent).toContain('too large');
    await pick(imageFile('ok.png', 'image/png'));
    expect($$(el, '[part~="error"]')).toHaveLength(0);
    const preview = $(el, '[part~="reference-preview"]');
    expect(preview.style.aspectRatio).toBe('1280 / 720');
    expect(getComputedStyle($(el, '[part~="reference-image"]')).objectFit).toBe('cover');

    await type(el, 'Bring this photo to life');
    await el.submit();
    const sent = fake.callsOf('create')[0]?.args[0] as { inputReference?: File };
    expect(sent.inputReference?.name).toBe('ok.png');
    await el.updateComplete;
    expect($$(el, '[part~="reference-preview"]')).toHaveLength(0);
  });

  test('a file named .png that is not an image is refused before any preview, with a clear message', async () => {
    const el = await mountPrompt();
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    const data = new DataTransfer();
    data.items.add(new File(['just some notes, not a picture'], 'holiday.png', { type: 'image/png' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await until(() => $$(el, '[part~="error"]').length === 1);
    expect($(el, '[part~="error"]').textContent).toContain('not a PNG, JPEG or WebP image');
    expect($$(el, '[part~="reference-preview"], [part~="reference-image"]')).toHaveLength(0);
    await type(el, 'A holiday');
    await el.submit();
    expect(fake.callsOf('create')[0]?.args[0]).not.toHaveProperty('inputReference');
  });

  test('an image pasted into the field becomes the reference, and can be removed', async () => {
    const el = await mountPrompt();
    const data = new DataTransfer();
    data.items.add(imageFile('pasted.webp', 'image/webp'));
    $(el, 'textarea').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    await until(() => $$(el, '[part~="reference-preview"]').length === 1);
    expect($$(el, '[part~="reference-preview"]')).toHaveLength(1);
    $(el, '[part~="reference-remove"]').click();
    await el.updateComplete;
    expect($$(el, '[part~="reference-preview"]')).toHaveLength(0);
  });

  test('an image dropped on the prompt becomes the reference', async () => {
    const el = await mountPrompt();
    const form = $(el, 'form');
    const data = new DataTransfer();
    data.items.add(imageFile('dropped.jpg', 'image/jpeg'));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(form.classList.contains('dragging')).toBe(true);
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await until(() => $$(el, '[part~="reference-preview"]').length === 1);
    expect(form.classList.contains('dragging')).toBe(false);
    expect($$(el, '[part~="reference-preview"]')).toHaveLength(1);
  });

  test('remix mode names the source, calls remix, and can be cancelled', async () => {
    const source = makeJob({ jobId: 'job_src', prompt: 'A cat on a skateboard' });
    fake.jobs.value = [source];
    const el = await mountPrompt((p) => p.setAttribute('remix-of', 'job_src'));
    expect($(el, '[part~="remix-banner"]').textContent).toContain('Remixing “A cat on a skateboard”');
    expect($$(el, 'select')).toHaveLength(0);
    await type(el, 'Now at night');
    await el.submit();
    expect(fake.callsOf('remix')[0]?.args).toEqual(['job_src', { prompt: 'Now at night' }]);
    expect(fake.callsOf('create')).toHaveLength(0);
    await el.updateComplete;
    expect(el.remixOf).toBe('');

    el.remixOf = 'job_src';
    await el.updateComplete;
    $(el, '[part~="remix-cancel"]').click();
    await el.updateComplete;
    expect($$(el, '[part~="remix-banner"]')).toHaveLength(0);
    expect(el.hasAttribute('remix-of')).toBe(false);
  });

  test('prefill fills the field and focuses it', async () => {
    const el = await mountPrompt();
    el.prefill('Reuse me');
    await el.updateComplete;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, 'textarea').value).toBe('Reuse me');
    expect(el.shadowRoot?.activeElement?.localName).toBe('textarea');
  });

  test('a remix prefill selects the old prompt (typing replaces it) and Escape leaves remix mode', async () => {
    fake.jobs.value = [makeJob({ jobId: 'job_src', prompt: 'A cat on a skateboard' })];
    const el = await mountPrompt();
    el.remixOf = 'job_src';
    el.prefill('A cat on a skateboard');
    await until(() => el.shadowRoot?.activeElement?.localName === 'textarea');
    await userEvent.keyboard('Now at night');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).toBe('Now at night');
    const cancelled = collect(document, 'sora-remix-cancel');
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.remixOf).toBe('');
    expect(cancelled[0]?.detail.jobId).toBe('job_src');
    expect($$(el, '[part~="remix-banner"]')).toHaveLength(0);
  });

  test('strings can be replaced and the French pack is used for lang="fr"', async () => {
    const el = await mountPrompt((p) => {
      p.lang = 'fr';
      p.strings = { submit: 'Créer la vidéo' };
    });
    expect($(el, '[part~="submit"]').textContent?.trim()).toBe('Créer la vidéo');
    expect($(el, 'label[part~="label"]').textContent).toBe('Décrivez votre vidéo');
    expect($$<HTMLOptionElement>(el, 'select[name="size"] option')[0]?.textContent?.trim()).toBe(
      '1280×720 · Paysage',
    );
  });

  test('a locale registered after the prompt is on the page applies at once', async () => {
    const el = await mountPrompt((p) => {
      p.lang = 'es';
    });
    expect($(el, '[part~="submit"]').textContent?.trim()).toBe('Generate');
    registerLocale({ ...en, locale: 'es', submit: 'Generar' });
    await el.updateComplete;
    expect($(el, '[part~="submit"]').textContent?.trim()).toBe('Generar');
  });

  test('has no accessibility violations, in light and dark', async () => {
    const el = await mountPrompt();
    expect(await axeViolations(el)).toEqual([]);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await axeViolations(el)).toEqual([]);
  });
});
