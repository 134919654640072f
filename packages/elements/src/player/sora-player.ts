import type { Job } from '@sora-kit/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { StoreController } from '../shared/bind-store.js';
import { cssProps } from '../shared/css-props.js';
import { aspectProps, aspectRatio } from '../shared/format.js';
import { jobErrorText } from '../shared/job-row.js';
import { remedyFor } from '../shared/remedy.js';
import { SoraElement } from '../shared/sora-element.js';
import { commandFor, runCommand } from './hotkeys.js';
import { clockTime, tileStyle } from './sprite.js';
import { renderFetchFailure, renderProblem, renderProgress } from './states.js';
import { playerStyles } from './styles.js';

/** Signed links of the job on show. */
interface Links {
  jobId: string;
  video: string;
  poster?: string;
  sprite?: string;
}

/**
 * Plays one job: progress while it is made, the video with its thumbnail as poster once done,
 * a download button, a spritesheet hover preview along the timeline, and keyboard shortcuts
 * (space/k play-pause, j/l ∓10 s and ←/→ ∓5 s — at most a quarter and an eighth of the clip —,
 * f fullscreen). Expired links are renewed without losing the playback position.
 *
 * @summary A player for one generated video.
 * @tag sora-player
 *
 * @attr endpoint - Where the sora-kit handler is mounted (default `/api/sora`).
 * @attr job-id - The job to play.
 * @attr sprite-columns - Columns of the spritesheet grid (default 4, as the fake serves).
 * @attr sprite-rows - Rows of the spritesheet grid (default 3, as the fake serves).
 * @attr theme - `light` or `dark`; follows the system when absent.
 * @attr lang - Picks the locale pack: `en`, or one registered (`@sora-kit/elements/locales/fr`).
 *
 * @fires sora-download - A download started. `detail: { jobId, url }`.
 * @fires sora-retry - Retry was pressed on a failed job. `detail: { jobId }`.
 * @fires sora-prompt-reuse - "Edit prompt" was pressed on a job the content policy refused. `detail: { prompt, job }`.
 *
 * @csspart stage - The focusable box holding the video or the state.
 * @csspart video - The `<video>`.
 * @csspart placeholder - Shown when no job is chosen.
 * @csspart state - The queued / in-progress / failed panel.
 * @csspart progress - The progress bar.
 * @csspart percent - The percentage text.
 * @csspart error - Why the job failed, or why the video could not play.
 * @csspart retry - The retry button.
 * @csspart edit-prompt - "Edit prompt", offered when the content policy refused the job.
 * @csspart controls - The control bar over the video's bottom edge.
 * @csspart play-toggle - The play/pause button.
 * @csspart timeline - The scrubber in the control bar.
 * @csspart preview - The spritesheet tile shown while hovering the timeline.
 * @csspart fullscreen - The fullscreen button.
 * @csspart toolbar - The row under the video.
 * @csspart download - The download button.
 * @csspart reload - "Try again" after the video, or the job itself, failed to load.
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
 * @cssprop [--sora-player-max-height=70vh] - The tallest the video may be; a portrait clip gets narrower to fit.
 */
export class SoraPlayer extends SoraElement {
  static override get styles() {
    return playerStyles;
  }
  static override get properties(): PropertyDeclarations {
    return {
      jobId: { attribute: 'job-id', reflect: true },
      spriteColumns: { type: Number, attribute: 'sprite-columns' },
      spriteRows: { type: Number, attribute: 'sprite-rows' },
      links: { state: true },
      fetchedFor: { state: true },
      mediaError: { state: true },
      fetchFailure: { state: true },
      downloading: { state: true },
      hover: { state: true },
      duration: { state: true },
      position: { state: true },
    };
  }

  /** The job to play. */
  jobId = '';
  spriteColumns = 4;
  spriteRows = 3;

  private links: Links | undefined;
  private fetchedFor = '';
  private mediaError = false;
  /** Why the job itself could not be had (offline, gone, refused), in the reader's words. */
  private fetchFailure: { message: string; again: boolean } | undefined;
  private downloading = false;
  private hover: { fraction: number; x: number } | undefined;
  private duration = 0;
  private position = 0;

  get #video(): HTMLVideoElement | null {
    return this.find<HTMLVideoElement>('video');
  }

  #renewals = 0;
  #playing = false;
  /** The job `play()` was asked for: it starts once that job's video has loaded, and no other. */
  #autoplayFor = '';
  readonly #bound = new StoreController(this, {
    // Live updates keep a job's progress moving even when no list is on the page.
    retain: true,
    read: (store) => {
      if (this.jobId) store.job(this.jobId).value;
    },
    attached: () => {
      // Links come from a store: a store given after the first render (React sets properties once
      // the element is on the page) must not leave links asked of the endpoint's store.
      this.links = undefined;
      this.#ensureJob();
    },
  });

  /** The job on show, from the shared store. */
  get #job(): Job | undefined {
    return this.jobId ? this.#bound.current?.job(this.jobId).value : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#bound.sync();
    if (changed.has('jobId') && changed.get('jobId') !== undefined) {
      // A Play pressed for the previous job must not start this one.
      if (this.#autoplayFor !== this.jobId) this.#autoplayFor = '';
      this.links = undefined;
      this.mediaError = false;
      this.fetchFailure = undefined;
      this.#renewals = 0;
      this.#bound.resubscribe();
    }
    // Links are asked for before render, so their arrival is the only extra update.
    const job = this.#job;
    if (job?.status === 'completed' && this.links?.jobId !== job.jobId) void this.#loadLinks(job);
  }

  #ensureJob(): void {
    const store = this.#bound.current;
    const id = this.jobId;
    if (!store || !id || this.fetchedFor === id || store.job(id).value) return;
    this.fetchedFor = id;
    this.fetchFailure = undefined;
    store.fetchJob(id).catch((error: unknown) => {
      if (this.jobId !== id) return;
      const { code, message } = remedyFor(error, this.t);
      // A job that is gone stays gone; anything else (offline, a server hiccup) may work again.
      this.fetchFailure = { message, again: code !== 'not_found' && code !== 'forbidden' };
    });
  }

  /** "Try again" after the job could not be fetched. */
  #refetch(): void {
    this.fetchedFor = '';
    this.#ensureJob();
  }

  async #loadLinks(job: Job): Promise<void> {
    const store = this.#bound.current;
    if (!store) return;
    this.links = { jobId: job.jobId, video: '' };
    const variants = job.asset?.variants ?? ['video', 'thumbnail', 'spritesheet'];
    const optional = (variant: 'thumbnail' | 'spritesheet') =>
      variants.includes(variant)
        ? store
            .mediaLink(job.jobId, { variant })
            .then((l) => l.url)
            .catch(() => undefined)
        : Promise.resolve(undefined);
    try {
      const [video, poster, sprite] = await Promise.all([
        store.mediaLink(job.jobId).then((l) => l.url),
        optional('thumbnail'),
        optional('spritesheet'),
      ]);
      if (this.jobId !== job.jobId) return;
      this.links = { jobId: job.jobId, video, ...(poster ? { poster } : {}), ...(sprite ? { sprite } : {}) };
    } catch {
      if (this.jobId === job.jobId) this.mediaError = true;
    }
  }

  /**
   * Starts playback, now or as soon as the job's video has loaded (the list's Play button goes
   * through this). Browsers allow it because it follows the person's click or key press.
   *
   * @param jobId The job to play, shown first if it is not on show: what a framework that sets
   *   `job-id` on its next render (React state) passes, so that the play is not for the old job.
   */
  async play(jobId?: string): Promise<void> {
    if (jobId) this.jobId = jobId;
    // A job-id set just before (as the list's select event does) must take effect first, or the
    // previous video would start instead.
    await this.updateComplete;
    const video = this.#video;
    if (video && video.readyState >= 1 && this.links?.jobId === this.jobId) {
      await video.play().catch(() => undefined);
    } else {
      this.#autoplayFor = this.jobId;
    }
  }

  #onLoadedMetadata(event: Event): void {
    const video = event.target as HTMLVideoElement;
    this.duration = video.duration;
    if (!this.#autoplayFor || this.#autoplayFor !== this.jobId) return;
    this.#autoplayFor = '';
    void video.play().catch(() => undefined);
  }

  /** A failed load (usually an expired link): fetch a fresh link and resume where playback was. */
  async #onVideoError(): Promise<void> {
    const video = this.#video;
    const store = this.#bound.current;
    if (!video || !store || !this.links || this.#renewals >= 2) {
      this.mediaError = true;
      return;
    }
    this.#renewals += 1;
    const time = video.currentTime;
    const resume = this.#playing;
    try {
      const fresh = await store.mediaLink(this.jobId);
      video.addEventListener(
        'loadedmetadata',
        () => {
          video.currentTime = time;
          if (resume) void video.play().catch(() => undefined);
        },
        { once: true },
      );
      this.links = { ...this.links, video: fresh.url };
      if (video.getAttribute('src') === fresh.url) video.load();
    } catch {
      this.mediaError = true;
    }
  }

  /** After a failed load: ask for fresh links and start over. */
  #reload(): void {
    this.mediaError = false;
    this.#renewals = 0;
    this.links = undefined;
  }

  async #download(): Promise<void> {
    const store = this.#bound.current;
    if (!store || this.downloading) return;
    this.downloading = true;
    try {
      const link = await store.mediaLink(this.jobId, { download: true });
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.download = '';
      anchor.rel = 'noopener';
      anchor.hidden = true;
      this.renderRoot.appendChild(anchor);
      anchor.click();
      anchor.remove();
      this.notify('sora-download', { jobId: this.jobId, url: link.url });
    } catch {
      this.mediaError = true;
    } finally {
      this.downloading = false;
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const command = commandFor(event);
    const video = this.#video;
    const target = event.target as Element;
    if (!command || !video || target.closest('button')) return;
    event.preventDefault();
    runCommand(video, command, this.find('[part~="stage"]') ?? this);
  }

  #onTimelineMove(event: PointerEvent): void {
    const strip = event.currentTarget as HTMLElement;
    const box = strip.getBoundingClientRect();
    const x = Math.min(box.width, Math.max(0, event.clientX - box.left));
    this.hover = { fraction: box.width ? x / box.width : 0, x };
  }

  #toggle(): void {
    const video = this.#video;
    if (video) runCommand(video, { kind: 'toggle' }, this);
  }

  #seek(event: Event): void {
    const video = this.#video;
    if (video) video.currentTime = Number((event.target as HTMLInputElement).value);
  }

  protected override render() {
    const job = this.#job;
    const t = this.t;
    if (!job && this.fetchFailure)
      return renderFetchFailure(
        t,
        this.fetchFailure.message,
        this.fetchFailure.again ? () => this.#refetch() : undefined,
      );
    if (!this.jobId || (!job && !this.mediaError)) {
      return html`<div part="placeholder" class="placeholder">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="40" height="40"><path fill="currentColor" d="M8 5.5v13a1 1 0 0 0 1.5.9l10.4-6.5a1 1 0 0 0 0-1.8L9.5 4.6A1 1 0 0 0 8 5.5Z" /></svg>
        <p>${this.jobId ? t.loadingVideo : t.playerEmpty}</p>
      </div>`;
    }
    if (!job) return this.#renderProblem(t.mediaError, false);
    if (job.status === 'failed')
      return this.#renderProblem(jobErrorText(job, t), job.error?.retryable === true, job);
    if (job.status !== 'completed') return renderProgress(this.t, job);
    return this.#renderVideo(job);
  }

  #renderProblem(message: string, retryable: boolean, job?: Job) {
    return renderProblem(this.t, job, message, {
      retry: retryable
        ? () => {
            this.notify('sora-retry', { jobId: this.jobId });
            this.#bound.current?.retry(this.jobId).catch(() => undefined);
          }
        : undefined,
      edit:
        job?.error?.code === 'moderation_blocked'
          ? () => this.notify('sora-prompt-reuse', { prompt: job.prompt, job })
          : undefined,
    });
  }

  #renderVideo(job: Job) {
    const t = this.t;
    const links = this.links?.jobId === job.jobId ? this.links : undefined;
    return html`<div
        part="stage"
        class="stage"
        tabindex=${links?.video ? '-1' : '0'}
        role="group"
        aria-label=${t.playerLabel}
        ${cssProps(aspectProps(job.size))}
        @keydown=${this.#onKeydown}
      >
        ${
          links?.video
            ? html`<video
              part="video"
              tabindex="0"
              playsinline
              preload="metadata"
              src=${links.video}
              poster=${links.poster ?? nothing}
              aria-label=${job.prompt.slice(0, 120)}
              aria-keyshortcuts="Space K J L ArrowLeft ArrowRight F"
              @click=${this.#toggle}
              @error=${this.#onVideoError}
              @play=${() => {
                this.#playing = true;
                this.requestUpdate();
              }}
              @pause=${() => {
                this.#playing = false;
                this.requestUpdate();
              }}
              @loadedmetadata=${this.#onLoadedMetadata}
              @timeupdate=${(e: Event) => {
                this.position = (e.target as HTMLVideoElement).currentTime;
              }}
            ></video>
            ${this.#renderControls(links.sprite, aspectRatio(job.size))}`
            : html`<div class="poster-wait"></div>`
        }
      </div>
      ${
        this.mediaError
          ? html`<p part="error" class="error media-error" role="alert">
              ${t.mediaError}
              <button class="btn small" part="reload" @click=${this.#reload}>${t.tryAgain}</button>
            </p>`
          : nothing
      }
      <div part="toolbar" class="toolbar">
        <span class="caption">${job.prompt}</span>
        <button class="btn" part="download" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.#download}>
          <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M10 2a1 1 0 0 1 1 1v8.6l2.3-2.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L9 11.6V3a1 1 0 0 1 1-1ZM4 16h12a1 1 0 1 1 0 2H4a1 1 0 1 1 0-2Z"/></svg>
          ${this.downloading ? t.downloading : t.download}
        </button>
      </div>`;
  }

  /**
   * The player's own controls: play/pause, the one scrubber (with the spritesheet preview above it
   * on hover), the time and fullscreen. They are for the pointer: the keyboard drives the focused
   * video itself, so the video stays one tab stop before Download.
   */
  #renderControls(sprite: string | undefined, ratio: string) {
    const t = this.t;
    const hover = this.hover;
    const duration = this.duration || this.#job?.seconds || 0;
    const grid = { columns: Math.max(1, this.spriteColumns), rows: Math.max(1, this.spriteRows) };
    return html`<div part="controls" class="bar">
      <button class="icon" part="play-toggle" tabindex="-1" aria-label=${this.#playing ? t.pause : t.play} @click=${this.#toggle}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d=${this.#playing ? 'M7 5h3v14H7zM14 5h3v14h-3z' : 'M8 5.5v13a1 1 0 0 0 1.5.9l10.4-6.5a1 1 0 0 0 0-1.8L9.5 4.6A1 1 0 0 0 8 5.5Z'} /></svg>
      </button>
      <div
        part="timeline"
        class="timeline"
        @pointermove=${this.#onTimelineMove}
        @pointerleave=${() => {
          this.hover = undefined;
        }}
      >
        <input type="range" tabindex="-1" min="0" max=${duration} step="0.05" .value=${String(this.position)} aria-label=${t.seek} @input=${this.#seek} />
        ${
          hover && sprite
            ? html`<div part="preview" class="preview" ${cssProps({ left: `clamp(60px, ${hover.x}px, calc(100% - 60px))` })}>
              <span class="tile" ${cssProps({ 'aspect-ratio': ratio, 'background-image': `url(${JSON.stringify(sprite)})`, ...tileStyle(hover.fraction, grid) })}></span>
              <span class="time">${clockTime(hover.fraction * duration)}</span>
            </div>`
            : nothing
        }
      </div>
      <span class="clock">${clockTime(this.position)} / ${clockTime(duration)}</span>
      <button class="icon" part="fullscreen" tabindex="-1" aria-label=${t.fullscreen} @click=${() => runCommand(this.#video as HTMLVideoElement, { kind: 'fullscreen' }, this.find('[part~="stage"]') ?? this)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z" /></svg>
      </button>
    </div>`;
  }
}
