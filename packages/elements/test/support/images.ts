/** Files whose first bytes are those of a real image type (the prompt sniffs them before preview). */
const MAGIC: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
};

/** A file of `bytes` bytes that starts like an image of `type`. */
export function imageFile(name: string, type: keyof typeof MAGIC & string, bytes = 100): File {
  const data = new Uint8Array(bytes);
  data.set(MAGIC[type] ?? []);
  return new File([data], name, { type });
}
