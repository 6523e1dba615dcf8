/**
 * Base32 with a given alphabet: RFC 4648's for TOTP secrets (what authenticator apps read),
 * Crockford's for the desk's recovery key (nothing typed back can be confused). A last partial
 * group of bits is written padded with zeros; decoding ignores nothing (callers normalise first).
 */
export const base32Codec = (alphabet: string) => ({
  encode(bytes: Uint8Array): string {
    let bits = 0;
    let value = 0;
    let out = '';
    for (const byte of bytes) {
      value = ((value << 8) | byte) & 0xffff;
      bits += 8;
      while (bits >= 5) {
        out += alphabet[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
    return out;
  },
  /** The bytes, or null when a character is not of the alphabet. */
  decode(text: string): Uint8Array | null {
    let bits = 0;
    let value = 0;
    const out: number[] = [];
    for (const char of text) {
      const index = alphabet.indexOf(char);
      if (index < 0) return null;
      value = ((value << 5) | index) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return Uint8Array.from(out);
  },
});

export const RFC4648_BASE32 = base32Codec('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
