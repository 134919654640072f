/** Styles of `<sora-job-list>`. */
import { css } from 'lit';
import { controls, tokens } from '../shared/tokens.js';

export const listStyles = [
  tokens,
  controls,
  css`
    :host {
      container-type: inline-size;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    .row,
    .skeleton-row {
      display: grid;
      grid-template-columns: 112px minmax(0, 1fr);
      gap: 12px;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .row {
      background: var(--_surface);
      cursor: pointer;
      transition: border-color 120ms, box-shadow 120ms;
      /* A tapped row is marked by its selected border; the browser's blue wash hid the buttons. */
      -webkit-tap-highlight-color: transparent;
    }
    .row:hover {
      border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
    }
    .row.selected {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    .thumb {
      position: relative;
      width: 112px;
      max-height: 140px;
      align-self: start;
      border-radius: var(--_radius-sm);
      overflow: hidden;
      background: linear-gradient(135deg, var(--_surface-2), color-mix(in srgb, var(--_accent) 18%, var(--_surface-2)));
    }
    /* A failed job has no picture: a calm tile with a warning sign, not an empty pink box. */
    .thumb[data-status='failed'] {
      background: var(--_surface-2);
    }
    .thumb-icon.failed {
      color: var(--_danger);
      filter: none;
    }
    .thumb img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .thumb-icon {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: #fff;
      filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.5));
    }
    .body {
      display: grid;
      gap: 6px;
      min-width: 0;
      align-content: start;
    }
    .title {
      all: unset;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      font-weight: 600;
      line-height: 1.35;
      /* 24 px tall at least: a touch target even for a one-line title. */
      padding: 2px 0;
      overflow-wrap: anywhere;
      text-align: start;
      border-radius: 4px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      font-size: 0.82em;
      color: var(--_muted);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 5px;
      padding: 1px 8px;
      border-radius: 999px;
      font-weight: 600;
      border: 1px solid;
      /* Queued and generating; ready and failed below. */
      color: var(--_accent);
    }
    .badge::before {
      content: '';
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: currentColor;
    }
    .badge[data-status='completed'] {
      color: var(--_success);
    }
    .badge[data-status='failed'] {
      color: var(--_danger);
    }
    .tag {
      padding: 0 6px;
      border-radius: 6px;
      background: var(--_surface-2);
      color: var(--_text);
    }
    .progress-row {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .progress-row .progress {
      flex: 1;
    }
    .percent {
      font-size: 0.8em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
      min-width: 3.5ch;
      text-align: right;
    }
    .row-error {
      margin: 0;
      font-size: 0.88em;
      color: var(--_danger);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
      margin-top: 2px;
    }
    /* Delete is a trash icon at the row's end: the text buttons keep one line in a narrow column. */
    .icon-only {
      margin-inline-start: auto;
      padding-inline: 6px;
    }
    .confirm-text {
      font-weight: 600;
      font-size: 0.9em;
      margin-right: 4px;
    }
    .offline {
      margin: 0 0 10px;
      padding: 8px 12px;
      border-radius: var(--_radius-sm);
      border: 1px solid var(--_border);
      background: var(--_surface-2);
      color: var(--_text);
      font-size: 0.9em;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 12px;
    }
    .empty,
    .load-error {
      padding: 32px 20px;
      text-align: center;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
    }
    .empty p,
    .load-error p {
      margin: 0 0 6px;
    }
    .empty-title {
      font-weight: 600;
      color: var(--_text);
    }
    .load-error {
      color: var(--_danger);
      border-style: solid;
      background: var(--_danger-surface);
    }
    .load-error .btn {
      margin-top: 8px;
    }
    .skeleton {
      display: grid;
      gap: 10px;
    }
    /* Grid items, so blocks already. */
    .skeleton-thumb,
    .skeleton-lines span {
      border-radius: 6px;
      /* Visible on either theme's surface without shouting: the text colour, faintly. */
      background: color-mix(in srgb, var(--_text) 14%, var(--_surface));
      animation: pulse 1.4s ease-in-out infinite;
    }
    .skeleton-thumb {
      aspect-ratio: 16 / 9;
    }
    .skeleton-lines {
      display: grid;
      gap: 8px;
      align-content: start;
    }
    .skeleton-lines span {
      height: 12px;
    }
    .skeleton-lines span:last-child {
      width: 60%;
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }
    /* Below this the 112 px tile leaves too little room for Play, Remix, Reuse and Delete on a line. */
    @container (max-width: 440px) {
      .row {
        grid-template-columns: 84px minmax(0, 1fr);
        gap: 10px;
        padding: 10px;
      }
      .thumb {
        width: 84px;
      }
    }
  `,
];
