/**
 * Shared controls of the stories: the common attributes, and the `--sora-*` custom properties
 * applied as inline styles so designers can try a palette live.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import type { SoraLoaded } from '../../../../.storybook/sora-loader';

/** The args every sora element story takes. */
export interface CommonArgs {
  /** `light`, `dark`, or empty to follow the toolbar. */
  theme?: '' | 'light' | 'dark';
  lang?: string;
  [property: `--sora-${string}`]: string | undefined;
}

/** What a story render gets as context (the parts we use). */
export interface RenderContext {
  globals: Record<string, unknown>;
  loaded: { sora?: SoraLoaded };
}

/** The palette tokens of shared/tokens.ts, as colour controls. */
export const COLOR_TOKENS = [
  '--sora-accent',
  '--sora-accent-text',
  '--sora-surface',
  '--sora-surface-2',
  '--sora-text',
  '--sora-muted',
  '--sora-border',
  '--sora-danger',
  '--sora-danger-surface',
  '--sora-success',
  '--sora-focus-ring',
] as const;

/** Non-colour tokens, as text controls. */
export const OTHER_TOKENS = ['--sora-radius', '--sora-radius-small', '--sora-font'] as const;

/** Empty values for every token, so the colour controls start blank rather than undefined. */
export function blankTokens(): CommonArgs {
  return Object.fromEntries([...COLOR_TOKENS, ...OTHER_TOKENS].map((token) => [token, '']));
}

/** Controls for the common attributes and every token. */
export function commonArgTypes(): ArgTypes<CommonArgs> {
  const argTypes: ArgTypes<CommonArgs> = {
    // The types are spelled out: from the manifest's TypeScript text (`'light' | 'dark' | undefined`,
    // none for custom properties) Storybook drops the args from shared links and reloads.
    theme: {
      type: { name: 'enum', value: ['', 'light', 'dark'] },
      control: 'inline-radio',
      options: ['', 'light', 'dark'],
      description: '`light` or `dark`; empty follows the Theme toolbar',
      table: { category: 'attributes' },
    },
    lang: {
      control: 'inline-radio',
      options: ['', 'en', 'fr'],
      description: 'Picks the locale pack',
      table: { category: 'attributes' },
    },
  };
  for (const token of COLOR_TOKENS) {
    argTypes[token] = { type: 'string', control: 'color', table: { category: 'css custom properties' } };
  }
  for (const token of OTHER_TOKENS) {
    argTypes[token] = { type: 'string', control: 'text', table: { category: 'css custom properties' } };
  }
  return argTypes;
}

/** The theme in effect: the story's arg, else the toolbar's. */
export function themeOf(args: CommonArgs, context: RenderContext): 'light' | 'dark' {
  const chosen = args.theme || context.globals.theme;
  return chosen === 'dark' ? 'dark' : 'light';
}

/** Inline style setting every token the args give a value. */
export function tokenStyle(args: CommonArgs): string {
  return Object.entries(args)
    .filter(([name, value]) => name.startsWith('--sora-') && typeof value === 'string' && value !== '')
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}

/** The story's endpoint (its own mock), or the default one. */
export function endpointOf(context: RenderContext): string {
  return context.loaded.sora?.endpoint ?? '/api/sora';
}

/** A host page's brand: tokens only (the `::part()` rules come with each story). */
export const HOST_BRAND: CommonArgs = {
  // A light brand: its surfaces are pinned, so the rest of the palette is the light one too.
  theme: 'light',
  '--sora-accent': '#0b7a5c',
  '--sora-accent-text': '#ffffff',
  '--sora-surface': '#fffdf7',
  '--sora-surface-2': '#f1ede2',
  '--sora-text': '#2a2419',
  '--sora-muted': '#6b6354',
  '--sora-border': '#d9d0bd',
  '--sora-focus-ring': '#0b7a5c',
  '--sora-radius': '4px',
  '--sora-radius-small': '2px',
  '--sora-font': "Georgia, 'Times New Roman', serif",
};
