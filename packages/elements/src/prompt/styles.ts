/** Styles of `<sora-prompt>`. */
import { css } from 'lit';
import { controls, tokens } from '../shared/tokens.js';

export const promptStyles = [
  tokens,
  controls,
  css`
    :host {
      container-type: inline-size;
    }
    form {
      display: grid;
      gap: 12px;
      padding: 16px;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
    }
    form.dragging {
      border-color: var(--_accent);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 25%, transparent);
    }
    label[part='label'] {
      font-weight: 600;
    }
    textarea {
      display: block;
      width: 100%;
      min-height: 96px;
      resize: vertical;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-sm);
      background: var(--_surface-2);
      line-height: 1.5;
    }
    textarea::placeholder {
      color: var(--_muted);
    }
    /* The shared focus ring (styles.ts), drawn on the field's edge. */
    textarea:focus-visible {
      outline-offset: 0;
      border-color: transparent;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    /* Under the field, never over the text however long it is. */
    .field-foot {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 12px;
      margin-top: 4px;
      min-height: 1.2em;
    }
    .limit {
      font-size: 0.82em;
      color: var(--_danger);
      min-width: 0;
    }
    .count {
      margin-left: auto;
      flex: 0 0 auto;
      font-size: 0.8em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .count.over {
      color: var(--_danger);
      font-weight: 600;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 10px;
    }
    .select-field {
      display: grid;
      gap: 4px;
      font-size: 0.85em;
      color: var(--_muted);
      /* Model, size and length share the row equally: no select is wider than another. */
      flex: 1 1 0;
      min-width: 0;
    }
    select {
      min-height: 36px;
      padding: 0 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-sm);
      background: var(--_surface);
      font-size: 1.05em;
      width: 100%;
    }
    .reference-add {
      flex: 0 0 auto;
    }
    .reference {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .preview {
      width: 160px;
      max-height: 200px;
      border-radius: var(--_radius-sm);
      overflow: hidden;
      border: 1px solid var(--_border);
      background: var(--_surface-2);
      flex: 0 0 auto;
    }
    .preview img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .reference-meta {
      display: grid;
      gap: 8px;
      justify-items: start;
      min-width: 0;
    }
    .muted {
      color: var(--_muted);
      font-size: 0.88em;
      overflow-wrap: anywhere;
    }
    .remix {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 8px 8px 8px 12px;
      border-radius: var(--_radius-sm);
      background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
      font-weight: 550;
    }
    /* On a phone the source's prompt takes the whole line and Cancel goes under it, not a column. */
    .remix {
      flex-wrap: wrap;
    }
    .remix span {
      flex: 1 1 16em;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .error {
      margin: 0;
      padding: 10px 12px;
      border-radius: var(--_radius-sm);
      background: var(--_danger-surface);
      color: var(--_danger);
      border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent);
    }
    .error p {
      margin: 0;
    }
    .error ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .countdown {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .actions {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 12px;
      flex-wrap: wrap;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.82em;
      margin-right: auto;
    }
    /* Phones and tablets have no Ctrl+Enter to offer. */
    @media (pointer: coarse) {
      .hint {
        visibility: hidden;
      }
    }
    .cost {
      color: var(--_muted);
      font-size: 0.88em;
      font-variant-numeric: tabular-nums;
    }
    /* Narrower: the three selects on one row, equally wide, whole labels; the image button below. */
    @container (max-width: 760px) {
      .reference-add {
        flex: 1 0 100%;
        justify-content: center;
      }
    }
    /* A phone: one select a row, each the full width, so no label is cut. */
    @container (max-width: 420px) {
      .select-field {
        flex-basis: 100%;
      }
    }
    button[part~='submit'] {
      min-width: 120px;
      min-height: 40px;
    }
  `,
];
