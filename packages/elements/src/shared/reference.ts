/** Checks a reference image before upload: the same type and size rules the server enforces. */
import { formatBytes } from './format.js';
import type { SoraStrings } from './strings.js';

/** Image types the contract accepts as `input_reference`. */
export const REFERENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Undefined when the file may be sent, else the message explaining why not. */
export function checkReference(file: Blob, maxBytes: number, t: SoraStrings): string | undefined {
  if (!(REFERENCE_TYPES as readonly string[]).includes(file.type)) return t.referenceType;
  if (file.size > maxBytes) return t.referenceTooLarge(formatBytes(maxBytes, t.locale));
  return undefined;
}

/** The first image file of a drop or paste, if any. */
export function firstFile(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  return Array.from(data.files).find((f) => f.type.startsWith('image/')) ?? data.files[0];
}
