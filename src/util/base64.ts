/**
 * Base64 (RFC 4648, with padding) for carrying PDFs inside a JSON bundle. Written out rather than
 * using `btoa`/`Buffer`: the core runs in Node, the browser and a worker alike, and `btoa` needs a
 * binary string as large as the file.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk.push(
      ALPHABET[n >> 18] ?? '',
      ALPHABET[(n >> 12) & 63] ?? '',
      ALPHABET[(n >> 6) & 63] ?? '',
      ALPHABET[n & 63] ?? '',
    );
    // Join in slices: one string per byte triple would hold millions of small strings at once.
    if (chunk.length >= 32_768) parts.push(chunk.splice(0).join(''));
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    chunk.push(ALPHABET[n >> 18] ?? '', ALPHABET[(n >> 12) & 63] ?? '', '==');
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    chunk.push(ALPHABET[n >> 18] ?? '', ALPHABET[(n >> 12) & 63] ?? '', ALPHABET[(n >> 6) & 63] ?? '', '=');
  }
  parts.push(chunk.join(''));
  return parts.join('');
}

/** The bytes of a base64 text; null when it is not base64 (wrong length, stray characters). */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const pad = code === 61 && i + 4 === text.length && k >= 4 - padding;
      const value = pad ? 0 : code < 128 ? (VALUES[code] ?? -1) : -1;
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
