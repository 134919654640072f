/** Pure formatting helpers shared by the elements; every one takes the locale explicitly. */
import { parseSize } from '@sora-kit/core';
import type { Orientation, SoraStrings } from './strings.js';

/** Landscape, portrait or square, from a `"1280x720"` size. */
export function orientationOf(size: string): Orientation {
  const parsed = parseSize(size);
  if (!parsed || parsed.width === parsed.height) return 'square';
  return parsed.width > parsed.height ? 'landscape' : 'portrait';
}

/** `"1280×720 · Landscape"`, or the raw size when it is not `WxH`. */
export function sizeLabel(size: string, strings: SoraStrings): string {
  const parsed = parseSize(size);
  if (!parsed) return size;
  // Dimensions first: a narrow select cuts the end of its text, never the numbers.
  return `${parsed.width}×${parsed.height} · ${strings.orientation[orientationOf(size)]}`;
}

/** The CSS `aspect-ratio` of a size (`"1280 / 720"`), 16/9 when unknown. */
export function aspectRatio(size: string | undefined): string {
  const parsed = size ? parseSize(size) : undefined;
  return parsed ? `${parsed.width} / ${parsed.height}` : '16 / 9';
}

/**
 * The frame of a video of `size`: its `aspect-ratio`, and `--_ar` for styles that size by it (the
 * player's stage is as wide as the height cap allows, so a portrait clip is never cropped).
 */
export function aspectProps(size: string | undefined): Record<string, string> {
  const ratio = aspectRatio(size);
  return { 'aspect-ratio': ratio, '--_ar': ratio };
}

/** A USD amount in the reader's locale. */
export function formatUsd(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(amount);
}

/** Bytes as a short human size (`10 MB`). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A whole percentage (`42 %` in French, `42%` in English). */
export function formatPercent(progress: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(progress / 100);
}

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "2 minutes ago" / "il y a 2 minutes", from an ISO time and the current time in ms. */
export function relativeTime(iso: string, now: number, locale: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  let value = (then - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(value), unit);
    }
    value /= size;
  }
  return '';
}

/** Shortens long text for labels and announcements, on a word boundary when one is near. */
export function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
