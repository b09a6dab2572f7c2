// multipart/form-data encoding (RFC 7578, as browsers write it), built by hand so that the body can be a
// `Blob` (exact size known, disk-backed parts stay on disk) or a `ReadableStream` (streamed file part).
import type { FilePart, FormField } from './validate'

/** Field names and file names are quoted; `"`, CR and LF are percent-escaped as the WHATWG encoder does. */
const quote = (s: string): string => s.replace(/[\r\n"]/g, encodeURIComponent)

/** A boundary with 128 random bits: it cannot plausibly occur in the content. */
const makeBoundary = (): string => {
  const bytes = new Uint8Array(16)
  try {
    crypto.getRandomValues(bytes)
  } catch {
    // no Web Crypto on this platform: the boundary need not be secret, only unlikely
    bytes.forEach((_, i) => (bytes[i] = Math.random() * 256))
  }
  return `----imagekit-fp-${Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('')}`
}

/**
 * The request body and the headers that describe it. The text fields come first, then the file: as one
 * `Blob` (a disk-backed file `Blob` stays a reference, never read here) with its exact Content-Length, so
 * that a fetch that only sees a stream (nodeFetch) need not fall back to chunked encoding (browsers compute
 * it themselves and drop this header); or, for a streamed file, a `ReadableStream` that pulls the file's
 * chunks as they are needed (backpressure reaches the source; cancelling it cancels the source).
 */
export const encodeMultipart = (
  fields: readonly FormField[],
  file: FilePart,
  fileName: string,
): { readonly body: BodyInit; readonly headers: Readonly<Record<string, string>> } => {
  const boundary = makeBoundary()
  const type = `multipart/form-data; boundary=${boundary}`
  const part = (name: string, extra = ''): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"${extra}\r\n\r\n`
  let head = fields.map(([name, value]) => `${part(name)}${value}\r\n`).join('')
  const tail = `\r\n--${boundary}--\r\n`
  // The Blob bodies carry no type: the content-type header says it (workerd warns about a FormData body with
  // a custom Content-Type when the Blob is typed multipart/form-data).
  if (file.kind === 'text') {
    const body = new Blob([`${head}${part('file')}${file.value}${tail}`])
    return { body, headers: { 'content-type': type, 'content-length': String(body.size) } }
  }
  const blobType = file.kind === 'blob' ? file.blob.type : ''
  head += part(
    'file',
    `; filename="${quote(fileName)}"\r\nContent-Type: ${blobType || 'application/octet-stream'}`,
  )
  if (file.kind === 'blob') {
    const body = new Blob([head, file.blob, tail])
    return { body, headers: { 'content-type': type, 'content-length': String(body.size) } }
  }
  const source = file.stream
  const encoder = new TextEncoder()
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  return {
    body: new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode(head)),
      async pull(controller) {
        reader ??= source.getReader()
        const { done, value } = await reader.read()
        if (done) {
          controller.enqueue(encoder.encode(tail))
          controller.close()
        } else if (value instanceof Uint8Array) controller.enqueue(value)
        else {
          const error = new TypeError('the file stream must yield Uint8Array chunks')
          reader.cancel(error).catch(() => undefined)
          controller.error(error)
        }
      },
      cancel: (reason) => (reader ?? source).cancel(reason),
    }),
    headers: { 'content-type': type },
  }
}
