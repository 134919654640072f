/** Styles of `<sora-player>`. */
import { css } from 'lit';
import { controls, tokens } from './styles.js';

export const playerStyles = [
  tokens,
  controls,
  css`
    .stage,
    .placeholder {
      position: relative;
      width: 100%;
      max-height: var(--sora-player-max-height, 70vh);
      border-radius: var(--_radius);
      overflow: hidden;
      background: #0d0d12;
      display: grid;
      place-items: center;
      margin-inline: auto;
    }
    /* The shared focus ring (styles.ts), thicker. */
    .stage:focus-visible {
      outline-width: 3px;
    }
    /* A grid item of the stage, so a block already. */
    video {
      width: 100%;
      height: 100%;
      object-fit: contain;
      background: #000;
    }
    .poster-wait {
      width: 100%;
      height: 100%;
      background: linear-gradient(135deg, #1d1d27, #2c2850);
    }
    .placeholder {
      background: var(--_surface-2);
      border: 1px dashed var(--_border);
      color: var(--_muted);
      text-align: center;
      padding: 16px;
      align-content: center;
      gap: 8px;
    }
    .placeholder svg {
      opacity: 0.5;
    }
    .placeholder p {
      margin: 0;
    }
    .state {
      background: linear-gradient(
        135deg,
        var(--_surface-2),
        color-mix(in srgb, var(--_accent) 16%, var(--_surface-2))
      );
      border: 1px solid var(--_border);
      color: var(--_text);
      /* Grow past the video's aspect ratio when the message needs it (narrow screens). */
      overflow: visible;
    }
    .state.failed {
      background: var(--_danger-surface);
      border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    }
    .state-inner {
      display: grid;
      gap: 10px;
      justify-items: center;
      text-align: center;
      width: min(360px, 80%);
      padding: 16px;
    }
    .state-inner p {
      margin: 0;
    }
    .state-title {
      font-weight: 650;
      font-size: 1.05em;
    }
    .state .progress {
      width: 100%;
      height: 8px;
    }
    .percent {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .error {
      color: var(--_danger);
      margin: 8px 0 0;
    }
    .media-error {
      display: flex;
      align-items: center;
      gap: 10px;
      flex-wrap: wrap;
    }
    .timeline {
      position: relative;
      height: 18px;
      margin-top: 6px;
      cursor: pointer;
      touch-action: none;
    }
    .track {
      position: absolute;
      inset: 7px 0;
      border-radius: 999px;
      background: var(--_surface-2);
      border: 1px solid var(--_border);
      overflow: hidden;
    }
    .played {
      display: block;
      height: 100%;
      border-radius: inherit;
      background: color-mix(in srgb, var(--_accent) 60%, transparent);
    }
    .timeline:hover .track {
      border-color: var(--_accent);
    }
    .preview {
      position: absolute;
      bottom: 22px;
      transform: translateX(-50%);
      display: grid;
      gap: 4px;
      justify-items: center;
      pointer-events: none;
      z-index: 1;
    }
    .tile {
      height: 90px;
      aspect-ratio: 16 / 9;
      border-radius: var(--_radius-sm);
      border: 2px solid var(--_surface);
      box-shadow: var(--_shadow);
      background-repeat: no-repeat;
      background-color: #000;
    }
    .time {
      font-size: 0.8em;
      padding: 1px 6px;
      border-radius: 6px;
      background: var(--_text);
      color: var(--_surface);
      font-variant-numeric: tabular-nums;
    }
    .toolbar {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 10px;
    }
    .caption {
      flex: 1;
      min-width: 0;
      color: var(--_muted);
      font-size: 0.9em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
];
