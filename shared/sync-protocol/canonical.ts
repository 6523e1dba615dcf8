/**
 * JSON with object keys sorted at every level, so the same record gives the same text (and hash)
 * on the desk and at the hub, whatever order PostgreSQL's jsonb or a desk's code put the keys in.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      if (source[key] !== undefined) sorted[key] = sortKeys(source[key]);
    }
    return sorted;
  }
  return value;
};

/**
 * The bytes a guide pack's SHA-256 is computed over: for each file in path order, its path, a
 * newline, its length, a newline, its bytes. Files cannot be moved or merged without changing it.
 */
export const packDigestParts = (files: Record<string, Uint8Array>): Uint8Array[] => {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const path of Object.keys(files).sort()) {
    const bytes = files[path] as Uint8Array;
    parts.push(encoder.encode(`${path}\n${bytes.byteLength}\n`), bytes);
  }
  return parts;
};
