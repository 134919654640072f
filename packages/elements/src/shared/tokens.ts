/**
 * Design tokens and the base styles every element shares. Each token is a `--sora-*` custom property
 * with a fallback, so a host page can theme every element from one rule:
 * `sora-studio { --sora-accent: #0a7; }`. Light by default, dark under `prefers-color-scheme: dark`
 * or `theme="dark"`; `theme="light"` forces light.
 */
import { css } from 'lit';

/** The dark theme's token values, for the system-dark and the `theme="dark"` rules alike. */
const dark = css`
  --_accent: var(--sora-accent, #a49bff);
  --_accent-text: var(--sora-accent-text, #14122b);
  --_surface: var(--sora-surface, #17171f);
  --_surface-2: var(--sora-surface-2, #22222c);
  --_text: var(--sora-text, #ececf1);
  --_muted: var(--sora-muted, #a8a8b8);
  --_border: var(--sora-border, #3a3a48);
  --_danger: var(--sora-danger, #ff9c94);
  --_danger-surface: var(--sora-danger-surface, #3a1714);
  --_success: var(--sora-success, #6ce0a6);
  --_focus: var(--sora-focus-ring, #a49bff);
  color-scheme: dark;
`;

/**
 * Token values resolved once on the host into private `--_*` properties, so the fallbacks are
 * written in one place and both themes share them. Every element is a block.
 */
export const tokens = css`
  :host {
    --_accent: var(--sora-accent, #5b4ee6);
    --_accent-text: var(--sora-accent-text, #fff);
    --_surface: var(--sora-surface, #fff);
    --_surface-2: var(--sora-surface-2, #f5f5f8);
    --_text: var(--sora-text, #1b1b23);
    --_muted: var(--sora-muted, #5c5c6b);
    --_border: var(--sora-border, #dcdce4);
    --_danger: var(--sora-danger, #b42318);
    --_danger-surface: var(--sora-danger-surface, #fef3f2);
    --_success: var(--sora-success, #067647);
    --_focus: var(--sora-focus-ring, #5b4ee6);
    --_radius: var(--sora-radius, 12px);
    --_radius-sm: var(--sora-radius-small, 8px);
    --_shadow: var(--sora-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.08));
    display: block;
    color-scheme: light;
    /* Every browser that has color-mix() has system-ui: older fallbacks would never be used. */
    font-family: var(--sora-font, system-ui, sans-serif);
    color: var(--_text);
    font-size: var(--sora-font-size, 15px);
    line-height: 1.45;
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([hidden]) {
    display: none !important;
  }
  /* No pseudo-element of ours has padding, a border or motion: the universal selector is enough. */
  * {
    box-sizing: inherit;
  }
`;

/** Buttons, fields, focus rings and helpers shared by every element. */
export const controls = css`
  button,
  select,
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 36px;
    padding: 0 14px;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 550;
    font-size: 0.93em;
    cursor: pointer;
    white-space: nowrap;
    transition: background-color 120ms, border-color 120ms;
  }
  .btn:hover:not(:disabled) {
    background: var(--_surface-2);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.primary:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.08);
  }
  .btn.danger {
    color: var(--_danger);
  }
  .btn.danger.solid {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .btn.small {
    min-height: 30px;
    padding: 0 10px;
    font-size: 0.86em;
  }
  .btn:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  /* The list's title resets itself (all: unset) so needs its own selector; the prompt's file input
     is hidden, its label shows the ring. */
  :focus-visible,
  .title:focus-visible,
  .reference-add:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .progress {
    height: 6px;
    border-radius: 999px;
    background: var(--_surface-2);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .progress > span {
    display: block;
    height: 100%;
    background: var(--_accent);
    border-radius: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
