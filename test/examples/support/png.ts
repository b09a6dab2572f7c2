// Real PNG images for the page to upload and show, drawn at test time (no fixtures). Stored, not compressed
// (deflate level 0), so that a picture is as many bytes as its pixels: large enough for several progress
// events in Chromium over HTTP/2.
import zlib from 'node:zlib'

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** An RGB PNG of `width` x `height` whose pixel (x, y) is `pixel(x, y)` → [r, g, b]. */
export const png = (
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number],
): Buffer => {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1) // each row starts with filter type 0 (none)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y)
      raw[row + 1 + x * 3] = r
      raw[row + 2 + x * 3] = g
      raw[row + 3 + x * 3] = b
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, deflate, no filter choice, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A sunset: an orange-to-violet sky with a yellow sun. */
export const sunset = (width: number, height: number): Buffer =>
  png(width, height, (x, y) => {
    const t = y / height
    const dx = x - width * 0.65
    const dy = y - height * 0.55
    if (dx * dx + dy * dy < (height * 0.18) ** 2) return [255, 214, 90]
    return [Math.round(250 - 120 * t), Math.round(140 - 100 * t), Math.round(90 + 110 * t)]
  })

/** The sea: a blue gradient with lighter waves. */
export const sea = (width: number, height: number): Buffer =>
  png(width, height, (x, y) => {
    const wave = Math.sin(x / 18 + Math.sin(y / 23) * 2) > 0.8 ? 50 : 0
    const t = y / height
    return [Math.round(20 + wave), Math.round(110 + 60 * t + wave), Math.round(200 - 40 * t + wave)]
  })
