import {
  type Capabilities,
  DEFAULT_MAX_PROMPT_CHARS,
  DEFAULT_MAX_REFERENCE_BYTES,
  estimateCostUsd,
  type Job,
} from '@sora-kit/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { StoreController } from '../shared/bind-store.js';
import { formatUsd, truncate } from '../shared/format.js';
import { errorText, type Remedy, remedyFor } from '../shared/remedy.js';
import { SoraElement } from '../shared/sora-element.js';
import { type Choice, checkInput, fitChoice } from './choice.js';
import { CountdownController } from './countdown.js';
import { renderOptions, renderReferencePreview } from './options.js';
import { ReferenceController } from './reference.js';
import { promptStyles } from './styles.js';

/** Whether the reader's keyboard says ⌘ rather than Ctrl. */
function isApple(): boolean {
  return /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
}

/**
 * A prompt box that creates (or remixes) a video: live character count, the provider's models,
 * sizes and lengths, an optional reference image, a cost estimate and errors with a remedy.
 *
 * @summary Describe a video and send it for generation.
 * @tag sora-prompt
 *
 * @attr endpoint - Where the sora-kit handler is mounted (default `/api/sora`).
 * @attr remix-of - A completed job's id: the prompt remixes that job instead of creating one.
 * @attr model - The model selected at first (default: the provider's first).
 * @attr size - The size selected at first, e.g. `1280x720`.
 * @attr seconds - The length selected at first.
 * @attr theme - `light` or `dark`; follows the system when absent.
 * @attr lang - Picks the locale pack: `en`, or one registered (`@sora-kit/elements/locales/fr`).
 *
 * @fires sora-job-created - A job was created or remixed. `detail: { job }`.
 * @fires sora-remix-cancel - The person left remix mode. `detail: { jobId }`.
 *
 * @csspart form - The card around everything.
 * @csspart remix-banner - "Remixing …" with its cancel button.
 * @csspart remix-cancel - The button leaving remix mode.
 * @csspart label - The prompt's label.
 * @csspart textarea - The prompt field.
 * @csspart count - The character count.
 * @csspart options - The row of selects.
 * @csspart select - Each select (model, size, length).
 * @csspart model-select - The model select.
 * @csspart size-select - The size select.
 * @csspart seconds-select - The length select.
 * @csspart reference-button - The "Add image" button.
 * @csspart reference-preview - The preview box, in the chosen aspect ratio.
 * @csspart reference-image - The preview image.
 * @csspart reference-remove - The button removing the image.
 * @csspart error - The inline error with its remedy.
 * @csspart countdown - "You can try again in N s."
 * @csspart cost - The estimated cost.
 * @csspart submit - The submit button.
 *
 * @cssprop [--sora-accent=#5b4ee6] - Accent color: buttons, progress, selection (dark: #a49bff).
 * @cssprop [--sora-accent-text=#fff] - Text on the accent color.
 * @cssprop [--sora-surface=#fff] - Background (dark: #17171f).
 * @cssprop [--sora-surface-2=#f5f5f8] - Second background: fields, placeholders, tiles.
 * @cssprop [--sora-text=#1b1b23] - Main text color.
 * @cssprop [--sora-muted=#5c5c6b] - Secondary text color.
 * @cssprop [--sora-border=#dcdce4] - Borders.
 * @cssprop [--sora-danger=#b42318] - Errors.
 * @cssprop [--sora-danger-surface=#fef3f2] - Background of error panels.
 * @cssprop [--sora-success=#067647] - The "Ready" badge.
 * @cssprop [--sora-focus-ring=#5b4ee6] - Focus outline color.
 * @cssprop [--sora-radius=12px] - Corner radius of cards and the player.
 * @cssprop [--sora-radius-small=8px] - Corner radius of buttons and fields.
 * @cssprop [--sora-shadow] - Shadow of cards.
 * @cssprop [--sora-font=system-ui, sans-serif] - Font stack.
 * @cssprop [--sora-font-size=15px] - Base font size.
 *
 * @slot heading - Optional content above the prompt field.
 */
export class SoraPrompt extends SoraElement {
  static override get styles() {
    return promptStyles;
  }
  static override get properties(): PropertyDeclarations {
    return {
      prompt: {},
      // An empty remix-of leaves remix mode: the attribute goes away rather than staying blank.
      remixOf: { attribute: 'remix-of', reflect: true, converter: { toAttribute: (v: string) => v || null } },
      model: {},
      size: {},
      seconds: { type: Number },
      sending: { state: true },
      remedy: { state: true },
      remixSource: { state: true },
    };
  }

  /** The prompt text; set it to prefill the field. */
  prompt = '';
  /** The job to remix; empty for a new video. */
  remixOf = '';
  model = '';
  size = '';
  seconds = 0;

  private sending = false;
  private remedy: Remedy | undefined;
  private remixSource: Job | undefined;

  get #textarea(): HTMLTextAreaElement | null {
    return this.find<HTMLTextAreaElement>('textarea');
  }

  readonly #countdown = new CountdownController(this);
  readonly #reference = new ReferenceController(this, {
    allowed: () => this.#referenceAllowed,
    limit: () => this.#capabilities?.limits.maxReferenceBytes ?? DEFAULT_MAX_REFERENCE_BYTES,
    strings: () => this.t,
    changed: () => this.#inputChanged(),
  });
  readonly #bound = new StoreController(this, {
    // Only capabilities: the prompt need not re-render on every job's progress.
    read: (store) => {
      store.capabilities.value;
    },
    attached: (store) => {
      store.loadCapabilities().catch(() => undefined);
    },
  });

  /** Fills the prompt (for reuse and remix) and moves focus to the field. */
  prefill(prompt: string): void {
    this.prompt = prompt;
    this.remedy = undefined;
    this.updateComplete.then(() => {
      // The remix banner sits above the field: bring the whole card into view, not just the field.
      this.find('form')?.scrollIntoView({ block: 'nearest' });
      this.focus({ preventScroll: true });
      // Remixing asks what to change: typing replaces the old prompt, an arrow key keeps it to edit.
      if (this.remixOf) this.#textarea?.select();
    });
  }

  /** Focuses the prompt field. */
  override focus(options?: FocusOptions): void {
    this.#textarea?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#bound.sync();
    if (changed.has('remixOf')) this.#loadRemixSource();
    if (changed.has('prompt') || changed.has('model') || changed.has('size') || changed.has('seconds'))
      this.#inputChanged();
  }

  /** A request refused for its contents is edited now: the list of what to change is stale. */
  #inputChanged(): void {
    if (this.remedy?.code === 'invalid_request') this.remedy = undefined;
  }

  get #capabilities(): Capabilities | null {
    return this.#bound.current?.capabilities.value ?? null;
  }

  /** The model, size and length in effect (the selects' values fitted to the provider). */
  get #choice(): Choice {
    return fitChoice(this.#capabilities, this);
  }

  get #maxChars(): number {
    return this.#capabilities?.limits.maxPromptChars ?? DEFAULT_MAX_PROMPT_CHARS;
  }

  #loadRemixSource(): void {
    const id = this.remixOf;
    this.remixSource = undefined;
    const store = this.#bound.current;
    if (!id || !store) return;
    const known = store.jobs.value.find((j) => j.jobId === id);
    if (known) {
      this.remixSource = known;
      return;
    }
    store
      .fetchJob(id)
      .then((job) => {
        if (this.remixOf === id) this.remixSource = job;
      })
      .catch(() => undefined);
  }

  /** Validates and sends the prompt; resolves once the job exists (or the error is shown). */
  async submit(): Promise<void> {
    const store = this.#bound.current;
    if (!store || this.sending || this.#countdown.remaining > 0) return;
    const valid = checkInput(this.prompt, {
      remix: this.remixOf !== '',
      capabilities: this.#capabilities,
      wish: this,
      maxChars: this.#maxChars,
    });
    if (!valid.ok) {
      this.remedy = {
        message: errorText('invalid_request', this.t),
        issues: valid.issues.map((i) => i.message),
        fields: valid.issues.map((i) => i.path),
        code: 'invalid_request',
      };
      this.focus();
      return;
    }
    this.remedy = undefined;
    this.sending = true;
    try {
      const job = this.remixOf
        ? await store.remix(this.remixOf, { prompt: valid.value.prompt })
        : await store.create({
            ...valid.value,
            ...(this.#reference.file ? { inputReference: this.#reference.file } : {}),
          });
      this.prompt = '';
      this.remixOf = '';
      this.#reference.clear();
      this.notify('sora-job-created', { job });
    } catch (error) {
      this.remedy = remedyFor(error, this.t);
      if (this.remedy.retryAfterSeconds) this.#countdown.start(this.remedy.retryAfterSeconds);
    } finally {
      this.sending = false;
      await this.updateComplete;
      this.focus();
    }
  }

  #cancelRemix(): void {
    const jobId = this.remixOf;
    this.remixOf = '';
    this.notify('sora-remix-cancel', { jobId });
    this.focus();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.submit();
    } else if (event.key === 'Escape' && this.remixOf && !event.isComposing) {
      event.preventDefault();
      this.#cancelRemix();
    }
  }

  /** Whether the chosen model takes a reference image (never while remixing). */
  get #referenceAllowed(): boolean {
    return !this.remixOf && this.#choice.model?.reference === true;
  }

  protected override render() {
    const t = this.t;
    const count = this.prompt.length;
    const over = count > this.#maxChars;
    return html`<form
      part="form"
      class=${this.#reference.dragging ? 'dragging' : ''}
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}
      @dragenter=${this.#reference.onDrag}
      @dragover=${this.#reference.onDrag}
      @dragleave=${this.#reference.onDrag}
      @drop=${this.#reference.onDrop}
    >
      <slot name="heading"></slot>
      ${this.remixOf ? this.#renderRemixBanner() : nothing}
      <label part="label" for="prompt">${this.remixOf ? t.remixLabel : t.promptLabel}</label>
      <div class="field">
        <textarea
          id="prompt"
          part="textarea"
          rows="3"
          .value=${this.prompt}
          placeholder=${t.promptPlaceholder}
          aria-describedby="count limit hint"
          aria-invalid=${over || this.remedy?.fields.includes('prompt') ? 'true' : 'false'}
          ?disabled=${this.sending}
          @input=${(e: Event) => {
            this.prompt = (e.target as HTMLTextAreaElement).value;
          }}
          @keydown=${this.#onKeydown}
          @paste=${this.#reference.onPaste}
        ></textarea>
        <div class="field-foot">
          <span id="limit" class=${over ? 'limit over' : 'limit'} aria-live="polite"
            >${over ? t.promptTooLong(count - this.#maxChars) : ''}</span
          >
          <span id="count" part="count" class=${over ? 'count over' : 'count'}>${t.charCount(count, this.#maxChars)}</span>
        </div>
      </div>
      ${this.remixOf ? nothing : this.#renderSelects()} ${this.#renderReference()} ${this.#renderError()}
      ${this.#renderActions()}
    </form>`;
  }

  #renderRemixBanner() {
    const source = this.remixSource?.prompt;
    return html`<div part="remix-banner" class="remix">
      <span>${this.t.remixing(source ? truncate(source, 80) : this.remixOf)}</span>
      <button type="button" class="btn small" part="remix-cancel" @click=${this.#cancelRemix}>
        ${this.t.cancelRemix}
      </button>
    </div>`;
  }

  #renderSelects() {
    const caps = this.#capabilities;
    const { model, size, seconds } = this.#choice;
    if (!caps || !model) return nothing;
    return renderOptions({
      t: this.t,
      models: caps.models,
      model,
      size,
      seconds,
      disabled: this.sending,
      on: {
        model: (v) => {
          this.model = v;
        },
        size: (v) => {
          this.size = v;
        },
        seconds: (v) => {
          this.seconds = v;
        },
        file: (file) => void this.#reference.set(file),
      },
    });
  }

  #renderReference() {
    const { file, url, error } = this.#reference;
    if (error) {
      return html`<p part="error" class="error" role="alert" data-code="invalid_reference">
        ${error}
      </p>`;
    }
    if (!url || !file || !this.#referenceAllowed) return nothing;
    return renderReferencePreview(this.t, file, url, this.#choice.size, () => this.#reference.clear());
  }

  #renderError() {
    const remedy = this.remedy;
    const waiting = this.#countdown.remaining;
    // A refusal's message goes with its countdown: once the wait is over, the person may send again.
    if (!remedy || (remedy.retryAfterSeconds && waiting === 0)) return nothing;
    return html`<div part="error" class="error" role="alert" data-code=${remedy.code}>
      <p>${remedy.message}</p>
      ${remedy.issues.length ? html`<ul>${remedy.issues.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      ${waiting > 0 ? html`<p part="countdown" class="countdown">${this.t.retryIn(waiting)}</p>` : nothing}
    </div>`;
  }

  #renderActions() {
    const t = this.t;
    const { model, size, seconds } = this.#choice;
    const cost = model && !this.remixOf ? estimateCostUsd(model, size, seconds) : undefined;
    const blocked = this.sending || this.#countdown.remaining > 0;
    // Generate stays off while the text cannot be sent; the reason is named next to it.
    const empty = this.prompt.trim().length === 0;
    const over = this.prompt.length > this.#maxChars;
    return html`<div class="actions">
      <span id="hint" class="hint">${isApple() ? t.shortcutHintMac : t.shortcutHint}</span>
      ${empty && !this.sending ? html`<span id="empty" class="sr-only">${t.promptEmpty}</span>` : nothing}
      ${cost !== undefined ? html`<span part="cost" class="cost">${t.estimatedCost(formatUsd(cost, t.locale))}</span>` : nothing}
      <button type="submit" part="submit" class="btn primary" ?disabled=${blocked || empty || over}
        aria-describedby=${over ? 'limit' : empty && !this.sending ? 'empty' : nothing}
        aria-busy=${this.sending ? 'true' : 'false'}>
        ${this.sending ? t.submitting : this.remixOf ? t.remixSubmit : t.submit}
      </button>
    </div>`;
  }
}
