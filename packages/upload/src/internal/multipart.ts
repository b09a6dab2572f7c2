// multipart/form-data encoding (RFC 7578, as browsers write it), built by hand so that the body can be a
// `Blob` (exact size known, disk-backed parts stay on disk) or a `ReadableStream` (streamed file part).
import type { FilePart } from './validate'

const CRLF = '\r\n'

/** Field names and file names are quoted; `"`, CR and LF are percent-escaped as the WHATWG encoder does. */
const quote = (s: string): string => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')

/** A boundary with 128 random bits: it cannot plausibly occur in the content. */
export const makeBoundary = (): string => {
  const bytes = new Uint8Array(16)
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c !== undefined && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return `----imagekit-fp-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export const contentType = (boundary: string): string => `multipart/form-data; boundary=${boundary}`

const textPart = (boundary: string, name: string, value: string): string =>
  `--${boundary}${CRLF}Content-Disposition: form-data; name="${quote(name)}"${CRLF}${CRLF}${value}${CRLF}`

const fileHeader = (boundary: string, fileName: string, type: string): string =>
  `--${boundary}${CRLF}Content-Disposition: form-data; name="file"; filename="${quote(fileName)}"${CRLF}` +
  `Content-Type: ${type === '' ? 'application/octet-stream' : type}${CRLF}${CRLF}`

const closing = (boundary: string): string => `${CRLF}--${boundary}--${CRLF}`

/** Every text field, then the file: the part before the file's bytes, and the part after them. */
const frame = (
  boundary: string,
  fields: readonly (readonly [string, string])[],
  file: FilePart,
  fileName: string,
  type: string,
): { readonly head: string; readonly tail: string } => {
  const head = fields.map(([name, value]) => textPart(boundary, name, value)).join('')
  if (file.kind === 'text')
    return { head: head + textPart(boundary, 'file', file.value), tail: `--${boundary}--${CRLF}` }
  return { head: head + fileHeader(boundary, fileName, type), tail: closing(boundary) }
}

/**
 * The whole body as one `Blob` typed `multipart/form-data; boundary=…`, so that `fetch` sets the
 * Content-Type and Content-Length itself. A disk-backed file `Blob` stays a reference (never read here).
 */
export const multipartBlob = (
  boundary: string,
  fields: readonly (readonly [string, string])[],
  file: Exclude<FilePart, { kind: 'stream' }>,
  fileName: string,
): Blob => {
  const { head, tail } = frame(boundary, fields, file, fileName, file.kind === 'blob' ? file.blob.type : '')
  const parts: BlobPart[] = file.kind === 'blob' ? [head, file.blob, tail] : [head, tail]
  return new Blob(parts, { type: contentType(boundary) })
}

/**
 * The body as a `ReadableStream` for a streamed file: the text fields, then the file's chunks as they are
 * pulled (backpressure reaches the source), then the closing boundary. Cancelling it cancels the source.
 */
export const multipartStream = (
  boundary: string,
  fields: readonly (readonly [string, string])[],
  source: ReadableStream<Uint8Array>,
  fileName: string,
): ReadableStream<Uint8Array> => {
  const { head, tail } = frame(boundary, fields, { kind: 'stream', stream: source }, fileName, '')
  const encoder = new TextEncoder()
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let stage: 'head' | 'body' | 'done' = 'head'
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        stage = 'body'
        controller.enqueue(encoder.encode(head))
        return
      }
      if (stage === 'done') return
      reader ??= source.getReader()
      const { done, value } = await reader.read()
      if (done) {
        stage = 'done'
        controller.enqueue(encoder.encode(tail))
        controller.close()
        return
      }
      if (!(value instanceof Uint8Array)) {
        stage = 'done'
        const error = new TypeError('the file stream must yield Uint8Array chunks')
        reader.cancel(error).catch(() => undefined)
        controller.error(error)
        return
      }
      controller.enqueue(value)
    },
    cancel(reason) {
      stage = 'done'
      return (reader ?? source).cancel(reason)
    },
  })
}

/**
 * The request body and the headers that describe it. The boundary travels in Content-Type; a Blob body also
 * gets its exact Content-Length, so that a fetch that only sees a stream (nodeFetch) need not fall back to
 * chunked encoding (browsers compute it themselves and drop this header).
 */
export const encodeMultipart = (
  fields: readonly (readonly [string, string])[],
  file: FilePart,
  fileName: string,
): { readonly body: BodyInit; readonly headers: Readonly<Record<string, string>> } => {
  const boundary = makeBoundary()
  if (file.kind === 'stream') {
    return {
      body: multipartStream(boundary, fields, file.stream, fileName),
      headers: { 'content-type': contentType(boundary) },
    }
  }
  const body = multipartBlob(boundary, fields, file, fileName)
  return { body, headers: { 'content-type': contentType(boundary), 'content-length': String(body.size) } }
}
