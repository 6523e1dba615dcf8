/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Records get client-made
 * ids so a desk can create them offline, and a form makes one per save attempt so the same attempt
 * sent twice saves once; the time prefix keeps inserts index-friendly. Ordering never relies on
 * these (device clocks are wrong on real desks). Web Crypto: the same code in Node and the renderer.
 */
export const uuidv7 = (now: number = Date.now()): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let time = now;
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
