/** The option row (model, size, length, add image) and the reference preview of `<sora-prompt>`. */
import type { ModelCapabilities } from '@sora-kit/core';
import { html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { aspectRatio, sizeLabel } from '../shared/format.js';
import type { SoraStrings } from '../shared/strings.js';
import { REFERENCE_TYPES } from './reference.js';

/** What the option row shows and what its controls change. */
export interface OptionsView {
  t: SoraStrings;
  models: ModelCapabilities[];
  model: ModelCapabilities;
  size: string;
  seconds: number;
  disabled: boolean;
  on: {
    model(id: string): void;
    size(size: string): void;
    seconds(seconds: number): void;
    file(file: File | undefined): void;
  };
}

function select(
  name: string,
  label: string,
  value: string,
  options: [string, string][],
  view: OptionsView,
  change: (value: string) => void,
) {
  return html`<label class="select-field ${name}-field">
    <span class="select-label">${label}</span>
    <select
      part="select ${name}-select"
      name=${name}
      ?disabled=${view.disabled}
      @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}
    >
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
  </label>`;
}

const imageIcon = html`<svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M4 3h12a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm0 2v7.6l3.3-3.3a1 1 0 0 1 1.4 0L13 13.6l1.3-1.3a1 1 0 0 1 1.4 0l.3.3V5H4Zm9.5 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z"/></svg>`;

function addImage(view: OptionsView) {
  return html`<label class="btn reference-add" part="reference-button">
    <input
      class="sr-only"
      type="file"
      accept=${REFERENCE_TYPES.join(',')}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        view.on.file(input.files?.[0]);
        input.value = '';
      }}
    />
    ${imageIcon} ${view.t.referenceAdd}
  </label>`;
}

/** Only what the provider can do: models (when several), its sizes and lengths, and images. */
export function renderOptions(view: OptionsView) {
  const { t, model } = view;
  return html`<div part="options" class="options">
    ${
      view.models.length > 1
        ? select(
            'model',
            t.model,
            model.id,
            view.models.map((m) => [m.id, m.id]),
            view,
            view.on.model,
          )
        : nothing
    }
    ${select(
      'size',
      t.size,
      view.size,
      model.sizes.map((s) => [s, sizeLabel(s, t)]),
      view,
      view.on.size,
    )}
    ${select(
      'seconds',
      t.length,
      String(view.seconds),
      model.seconds.map((s) => [String(s), t.seconds(s)]),
      view,
      (v) => view.on.seconds(Number(v)),
    )}
    ${model.reference ? addImage(view) : nothing}
  </div>`;
}

/** The chosen image, cropped to the video's aspect ratio, with its name and a remove button. */
export function renderReferencePreview(
  t: SoraStrings,
  file: File,
  url: string,
  size: string,
  remove: () => void,
) {
  return html`<div class="reference">
    <div part="reference-preview" class="preview" ${cssProps({ 'aspect-ratio': aspectRatio(size) })}>
      <img part="reference-image" src=${url} alt=${t.referenceAlt} />
    </div>
    <div class="reference-meta">
      <span class="muted">${file.name}</span>
      <button type="button" class="btn small" part="reference-remove" @click=${remove}>${t.referenceRemove}</button>
    </div>
  </div>`;
}
