import { css, html, type PropertyDeclarations } from 'lit';
import type { SoraPlayer } from '../player/sora-player.js';
import type { SoraPrompt } from '../prompt/sora-prompt.js';
import { resolveStore, StoreController } from '../shared/bind-store.js';
import type { JobCreatedDetail, JobEventDetail, PromptReuseDetail } from '../shared/events.js';
import { SoraElement } from '../shared/sora-element.js';
import { tokens } from '../shared/tokens.js';
import { exportParts } from './parts.js';

/**
 * The whole experience in one tag: the prompt on top, the history and the player side by side on
 * wide containers and stacked on narrow ones. Selecting a job shows it in the player and Play
 * starts it, remix and reuse fill the prompt, and a new job is selected as soon as it is created.
 *
 * @summary Prompt, history and player, wired together.
 * @tag sora-studio
 *
 * @attr endpoint - Where the sora-kit handler is mounted (default `/api/sora`).
 * @attr theme - `light` or `dark`; follows the system when absent.
 * @attr lang - Picks the locale pack: `en`, or one registered (`@sora-kit/elements/locales/fr`).
 *
 * @fires sora-job-created - Bubbles from the prompt. `detail: { job }`.
 * @fires sora-job-select - Bubbles from the list. `detail: { jobId, job }`.
 *
 * @slot heading - A heading or intro above the prompt.
 * @slot empty - Replaces the list's empty state.
 *
 * @csspart prompt - The `<sora-prompt>`.
 * @csspart list - The `<sora-job-list>`.
 * @csspart player - The `<sora-player>`.
 * @csspart layout - The grid holding the list and the player.
 * @csspart prompt-* - Every part of the prompt, prefixed (`prompt-submit`, `prompt-textarea`, …).
 * @csspart list-* - Every part of the list, prefixed (`list-row`, `list-progress`, …).
 * @csspart player-* - Every part of the player, prefixed (`player-video`, `player-download`, …).
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
 * @cssprop --sora-studio-gap - Space between the sections (20px).
 * @cssprop --sora-studio-list-width - Width of the list column on wide layouts (minmax(300px, 2fr)).
 */
export class SoraStudio extends SoraElement {
  static override get styles() {
    return [
      tokens,
      css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .studio {
        display: grid;
        gap: var(--sora-studio-gap, 20px);
      }
      .layout {
        display: grid;
        gap: var(--sora-studio-gap, 20px);
        grid-template-columns: minmax(0, 1fr);
      }
      .player {
        order: -1;
      }
      /* The list's default empty state, forwarded through the studio's own slot. */
      .empty p {
        margin: 0 0 6px;
      }
      .empty-title {
        font-weight: 600;
        color: var(--_text);
      }
      .player.idle {
        display: none;
      }
      @container (min-width: 760px) {
        .layout {
          grid-template-columns: var(--sora-studio-list-width, minmax(300px, 2fr)) minmax(0, 3fr);
          align-items: start;
        }
        .player,
        .player.idle {
          display: block;
          order: 0;
          position: sticky;
          top: 16px;
        }
      }
    `,
    ];
  }
  static override get properties(): PropertyDeclarations {
    return { selected: { state: true } };
  }

  private selected = '';
  get #player(): SoraPlayer | null {
    return this.find<SoraPlayer>('sora-player');
  }

  get #promptElement(): SoraPrompt | null {
    return this.find<SoraPrompt>('sora-prompt');
  }

  // After a reload (or a delete) nothing is selected: the newest finished video is shown, ready.
  readonly #bound = new StoreController(this, {
    read: (store) => {
      const jobs = store.jobs.value;
      if (this.selected || store.history.value !== 'ready') return;
      const newest = jobs.find((job) => job.status === 'completed');
      if (newest) this.selected = newest.jobId;
    },
    // The history the studio's list shows, asked for before the list exists: the list's own
    // request, made while the studio renders it, then changes nothing the studio reads, so the
    // studio's render does not schedule another.
    attached: (store) => {
      store.load().catch(() => undefined);
    },
  });

  #onSelect(event: CustomEvent<JobEventDetail>): void {
    this.selected = event.detail.jobId;
    if (!event.detail.play) return;
    this.updateComplete.then(() => {
      const player = this.#player;
      if (!player) return;
      // On a phone the player sits above the list: Play on a lower row brings it into view.
      const box = player.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) player.scrollIntoView({ block: 'start' });
      void player.play();
    });
  }

  #onCreated(event: CustomEvent<JobCreatedDetail>): void {
    this.selected = event.detail.job.jobId;
  }

  #onRemix(event: CustomEvent<JobEventDetail>): void {
    const prompt = this.#promptElement;
    if (!prompt) return;
    prompt.remixOf = event.detail.jobId;
    prompt.prefill(event.detail.job.prompt);
  }

  #onReuse(event: CustomEvent<PromptReuseDetail>): void {
    const prompt = this.#promptElement;
    if (!prompt) return;
    prompt.remixOf = '';
    prompt.prefill(event.detail.prompt);
  }

  #onDeleted(event: CustomEvent<JobEventDetail>): void {
    if (this.selected === event.detail.jobId) this.selected = '';
  }

  protected override render() {
    const store = this.#bound.current ?? (this.isConnected ? resolveStore(this) : undefined);
    const shared = { theme: this.theme, lang: this.lang };
    return html`<section class="studio" aria-label=${this.t.studioLabel}>
      <slot name="heading"></slot>
      <sora-prompt
        part="prompt"
        exportparts=${exportParts('prompt')}
        .store=${store}
        .strings=${this.strings}
        .lang=${shared.lang}
        theme=${shared.theme ?? ''}
        @sora-job-created=${this.#onCreated}
      ></sora-prompt>
      <div class="layout" part="layout" @sora-prompt-reuse=${this.#onReuse}>
        <sora-job-list
          part="list"
          exportparts=${exportParts('list')}
          .store=${store}
          .strings=${this.strings}
          .lang=${shared.lang}
          theme=${shared.theme ?? ''}
          .selected=${this.selected}
          @sora-job-select=${this.#onSelect}
          @sora-job-remix=${this.#onRemix}
          @sora-job-deleted=${this.#onDeleted}
        >
          <slot name="empty" slot="empty">
            <div class="empty"><p class="empty-title">${this.t.emptyTitle}</p><p>${this.t.emptyBody}</p></div>
          </slot>
        </sora-job-list>
        <sora-player
          class=${this.selected ? 'player' : 'player idle'}
          part="player"
          exportparts=${exportParts('player')}
          .store=${store}
          .strings=${this.strings}
          .lang=${shared.lang}
          theme=${shared.theme ?? ''}
          job-id=${this.selected}
        ></sora-player>
      </div>
    </section>`;
  }
}
