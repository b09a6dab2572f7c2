// Hand-written hex helpers (no `Buffer`).

/** Value of one hex digit given its char code, case-insensitive; -1 when it is not a hex digit. */
export const hexDigit = (code: number): number =>
  code >= 48 && code <= 57
    ? code - 48
    : code >= 97 && code <= 102
      ? code - 87
      : code >= 65 && code <= 70
        ? code - 55
        : -1

/** The bytes a hex string encodes (either case), or `undefined` when it has an odd length or a non-hex digit. */
export const hexToBytes = (hex: string): Uint8Array | undefined => {
  if (hex.length % 2 !== 0) return undefined
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(hex.charCodeAt(2 * i))
    const lo = hexDigit(hex.charCodeAt(2 * i + 1))
    if (hi < 0 || lo < 0) return undefined
    out[i] = (hi << 4) | lo
  }
  return out
}

const DIGITS = '0123456789abcdef'

/** Lowercase hex of some bytes. */
export const bytesToHex = (bytes: Uint8Array): string => {
  let s = ''
  for (const b of bytes) s += DIGITS.charAt(b >> 4) + DIGITS.charAt(b & 15)
  return s
}
