/** Checks a reference image before upload: the same type and size rules the server enforces. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatBytes } from '../shared/format.js';
import type { SoraStrings } from '../shared/strings.js';

/** Image types the contract accepts as `input_reference`. */
export const REFERENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** The image type the file's first bytes say (PNG, JPEG, WebP), whatever its name or label claims. */
export async function sniffImageType(file: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Undefined when the file may be sent, else the message explaining why not. */
export async function checkReference(
  file: Blob,
  maxBytes: number,
  t: SoraStrings,
): Promise<string | undefined> {
  if (!(REFERENCE_TYPES as readonly string[]).includes(file.type)) return t.referenceType;
  if (file.size > maxBytes) return t.referenceTooLarge(formatBytes(maxBytes, t.locale));
  // The bytes decide, not the name: a renamed text file would preview as a broken image.
  if (!(await sniffImageType(file))) return t.referenceNotImage;
  return undefined;
}

/** The first image file of a drop or paste, if any. */
export function firstFile(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  return Array.from(data.files).find((f) => f.type.startsWith('image/')) ?? data.files[0];
}

/**
 * What the reference controller asks of its element, read at each use. Passed as functions rather
 * than read from the element, so these stay private and out of the element's API and manifest.
 */
export interface ReferenceRules {
  /** Whether the current model takes an image (and the prompt is not remixing). */
  allowed(): boolean;
  /** The provider's upper bound, in bytes. */
  limit(): number;
  /** The strings in effect, for the error messages. */
  strings(): SoraStrings;
  /** Called when the image is taken, refused or removed (the person edited the request). */
  changed?(): void;
}

/**
 * The reference image of a prompt: picked, dropped or pasted, checked, previewed through an
 * object URL that is revoked when replaced, removed, or when the element leaves the page.
 */
export class ReferenceController implements ReactiveController {
  file: File | undefined;
  url: string | undefined;
  error: string | undefined;
  dragging = false;

  readonly #host: ReactiveControllerHost;
  readonly #rules: ReferenceRules;

  constructor(host: ReactiveControllerHost, rules: ReferenceRules) {
    this.#host = host;
    this.#rules = rules;
    host.addController(this);
  }

  /** Takes a file if it passes the checks (its bytes included), else records why not. */
  async set(file: File | undefined): Promise<void> {
    if (!file) return;
    const problem = await checkReference(file, this.#rules.limit(), this.#rules.strings());
    this.clear();
    if (problem) this.error = problem;
    else {
      this.file = file;
      this.url = URL.createObjectURL(file);
    }
    this.#host.requestUpdate();
  }

  /** Forgets the image and its preview. */
  clear(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.file = undefined;
    this.url = undefined;
    this.error = undefined;
    this.#rules.changed?.();
    this.#host.requestUpdate();
  }

  readonly onPaste = (event: ClipboardEvent): void => {
    const file = firstFile(event.clipboardData);
    if (!file || !this.#rules.allowed()) return;
    event.preventDefault();
    void this.set(file);
  };

  readonly onDrag = (event: DragEvent): void => {
    if (!this.#rules.allowed() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = event.type !== 'dragleave';
    this.#host.requestUpdate();
  };

  readonly onDrop = (event: DragEvent): void => {
    if (!this.#rules.allowed()) return;
    event.preventDefault();
    this.dragging = false;
    void this.set(firstFile(event.dataTransfer));
  };

  hostDisconnected(): void {
    this.clear();
  }
}
