// Width, height, transparency and mime type read from an image's first bytes (PNG, JPEG, GIF, WebP), as
// ImageKit reports them for an upload. Anything else is `undefined`: ImageKit decodes more formats, but a
// stand-in only needs the common ones, and reading headers needs no image library.

/** What the header of an image tells. */
export interface ImageInfo {
  readonly mime: string
  readonly format: string
  readonly width: number
  readonly height: number
  readonly hasAlpha: boolean
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2)
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to))

const png = (b: Uint8Array): ImageInfo | undefined => {
  if (b.length < 26 || ascii(b, 1, 4) !== 'PNG' || ascii(b, 12, 16) !== 'IHDR') return undefined
  const colourType = b[25] ?? 0
  return {
    mime: 'image/png',
    format: 'png',
    width: u32be(b, 16),
    height: u32be(b, 20),
    hasAlpha: colourType === 4 || colourType === 6,
  }
}

const gif = (b: Uint8Array): ImageInfo | undefined =>
  b.length >= 10 && ascii(b, 0, 4) === 'GIF8'
    ? { mime: 'image/gif', format: 'gif', width: u16le(b, 6), height: u16le(b, 8), hasAlpha: false }
    : undefined

const jpeg = (b: Uint8Array): ImageInfo | undefined => {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1] ?? 0
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        mime: 'image/jpeg',
        format: 'jpg',
        width: u16be(b, i + 7),
        height: u16be(b, i + 5),
        hasAlpha: false,
      }
    }
    i += 2 + u16be(b, i + 2)
  }
  return undefined
}

const webp = (b: Uint8Array): ImageInfo | undefined => {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 12) !== 'WEBP') return undefined
  const chunk = ascii(b, 12, 16)
  const info = (width: number, height: number, hasAlpha: boolean): ImageInfo => ({
    mime: 'image/webp',
    format: 'webp',
    width,
    height,
    hasAlpha,
  })
  if (chunk === 'VP8 ') return info(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff, false)
  if (chunk === 'VP8L') {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)
    return info((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, ((bits >>> 28) & 1) === 1)
  }
  if (chunk === 'VP8X') return info(u24le(b, 24) + 1, u24le(b, 27) + 1, ((b[20] ?? 0) & 0x10) !== 0)
  return undefined
}

/** Reads the image header, or `undefined` when the bytes are not a PNG, JPEG, GIF or WebP image. */
export const imageInfo = (bytes: Uint8Array): ImageInfo | undefined =>
  png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes)

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  ico: 'image/x-icon',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  css: 'text/css',
  js: 'application/javascript',
}

/** The mime type for a file name's extension (`application/octet-stream` when unknown). */
export const mimeOf = (name: string): string => {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  return name.lastIndexOf('.') > 0 && Object.hasOwn(MIME_BY_EXTENSION, ext)
    ? MIME_BY_EXTENSION[ext]!
    : 'application/octet-stream'
}
