// Hand-written base64 (RFC 4648 §4, standard alphabet) decoder: no `atob`, no `Buffer`.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const sextet = (code: number): number =>
  code >= 65 && code <= 90
    ? code - 65
    : code >= 97 && code <= 122
      ? code - 71
      : code >= 48 && code <= 57
        ? code + 4
        : code === 43
          ? 62
          : code === 47
            ? 63
            : -1

/**
 * The bytes a standard base64 string encodes, with or without `=` padding, or `undefined` when the string is
 * not canonical base64 (a character outside the alphabet, misplaced padding, a dangling character, or
 * non-zero bits after the last byte).
 */
export const decodeBase64 = (input: string): Uint8Array | undefined => {
  let s = input
  if (s.length % 4 === 0 && s.endsWith('==')) s = s.slice(0, -2)
  else if (s.length % 4 === 0 && s.endsWith('=')) s = s.slice(0, -1)
  const rest = s.length % 4
  if (rest === 1) return undefined
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < s.length; i++) {
    const v = sextet(s.charCodeAt(i))
    if (v < 0) return undefined
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  // Canonical form: the bits left over after the last whole byte must be zero.
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return undefined
  return out
}

/** Standard base64 with padding. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    const n = (b0 << 16) | (b1 << 8) | b2
    s += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63)
    s += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '='
    s += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '='
  }
  return s
}
