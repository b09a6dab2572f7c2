// Base64 (RFC 4648 §4, standard alphabet), for every package: encoding through the platform's `btoa` (one
// small call), strict decoding and checking by hand (no `atob`, no `Buffer`; linear time on any input).

/** Standard base64 with padding. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Standard base64 of the UTF-8 bytes of `s` (safe for any Unicode text; lone surrogates become U+FFFD). */
export const base64Utf8 = (s: string): string => encodeBase64(new TextEncoder().encode(s))

/** The value of one base64 character given its char code, or -1 outside the standard alphabet. */
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

/**
 * Whether `s` is strict, padded base64: characters of the standard alphabet (`A–Z a–z 0–9 + /`), line breaks
 * (`\n`, `\r`) anywhere, a length (line breaks left out) that is a non-zero multiple of 4, and `=` (at most two)
 * only at the end. One pass, no regular expression: linear time on any input.
 */
export const isBase64 = (s: string): boolean => {
  let n = 0
  let pad = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10 || c === 13) continue
    if (c === 61) pad++
    else if (pad > 0 || sextet(c) < 0) return false
    n++
  }
  return n > 0 && n % 4 === 0 && pad <= 2
}
