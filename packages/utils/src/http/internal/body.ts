// The request body is attached inside the fetch handed to ky (the attempt step), not given to ky itself: ky clones every request
// before sending it (to be able to retry), and the clone tees the body stream, so the unread branch keeps
// every byte sent (measured: +280 MB RSS for a 300 MB streamed upload). For the same reason ky's own
// `onUploadProgress` (which needs the body given to ky) is not used. Attached here, the body streams
// straight to `fetch`, and upload progress is counted on the way.
import { utf8 } from '../../internal/bytes'
import type { UploadProgress } from '../types'

const size = (s: string): number => utf8(s).length

/**
 * The body size in bytes, exact where the type tells it, estimated for FormData (120 bytes of multipart
 * framing per entry), unknown for streams.
 */
export const bodySize = (body: BodyInit): number | undefined =>
  typeof body === 'string' || body instanceof URLSearchParams
    ? size(String(body))
    : body instanceof Blob
      ? body.size
      : body instanceof ArrayBuffer || ArrayBuffer.isView(body)
        ? body.byteLength
        : body instanceof FormData
          ? [...body].reduce(
              (n, [name, v]) =>
                n + 120 + size(name) + (typeof v === 'string' ? size(v) : v.size + size(v.name)),
              0,
            )
          : undefined

/**
 * Does a Request keep a stream body as a stream here? True in Node, Deno, Bun, workerd, Vercel Edge, Chromium
 * and Safari; false in Firefox, whose Request turns the stream into the text "[object ReadableStream]" (with a
 * `text/plain` content type). Keeping it is not sending it: Safari refuses to send one, and Chromium sends one
 * over HTTP/2 and HTTP/3 only (see `fetchWithBody`). Checked per call: no module state.
 */
export const keepsStreamBodies = (): boolean => {
  try {
    const init = { body: new ReadableStream(), method: 'POST', duplex: 'half' }
    return !new Request('https://a.invalid', init as RequestInit).headers.has('content-type')
  } catch {
    return false
  }
}

/**
 * Is a Blob or bytes body turned into a stream here to report upload progress? Where streams are kept, except
 * in Cloudflare Workers: workerd (1.20260730) dies on a fatal internal error when a fetch whose body is a
 * stream is aborted (reproduced with a bare fetch: scripts/repro/workerd-stream-abort.mjs), so a Blob body
 * stays a Blob there. `navigator.userAgent` is how Cloudflare documents telling Workers apart.
 */
export const streamsForProgress = (): boolean =>
  (globalThis.navigator as Navigator | undefined)?.userAgent !== 'Cloudflare-Workers' && keepsStreamBodies()

/** Everything `reader` has left, as a Blob. */
const readAll = async (reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Blob> => {
  const chunks: BlobPart[] = []
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value as BlobPart)
  return new Blob(chunks)
}

const nameOf = (e: unknown): unknown => {
  try {
    return (e as { name?: unknown } | null)?.name
  } catch {
    return undefined
  }
}

/** Builds the Request for one send from the URL (never from another Request), with `body` and `headers`. */
export type MakeRequest = (body?: BodyInit, headers?: Headers) => Request

/** How an attempt sends its body: {@link sendWithBody}, or {@link sendPlain} where no body streams. */
export type SendBody = (
  send: (input: Request) => Promise<Response>,
  make: MakeRequest,
  body: BodyInit | undefined,
  onProgress: ((progress: UploadProgress) => void) | undefined,
  signal: AbortSignal,
) => Promise<Response>

/**
 * Sends `body` as it is, in one Request: for JSON and text bodies (media's), which neither stream nor report
 * progress, so that their bundles carry none of the streaming code below.
 */
export const sendPlain: SendBody = (send, make, body) => send(make(body))

/** Tells `onProgress` of `loaded` bytes, with the total where the body tells it; its errors are ignored. */
const reporter = (body: BodyInit, onProgress: ((progress: UploadProgress) => void) | undefined) => {
  const total = bodySize(body)
  return (loaded: number) => {
    try {
      onProgress?.(total === undefined ? { loaded } : { loaded, total: Math.max(total, loaded) })
    } catch {
      // A failing progress callback must not fail the upload.
    }
  }
}

/**
 * The bytes of `reader` as a stream that reports each chunk as the platform reads it, notes whether it started
 * (`pulled`), and errors on `stop` (so that the platform stops sending even where its own abort does not reach
 * the connection). highWaterMark 0: `pull` runs only when the platform asks for bytes.
 */
const countingStream = (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  report: (loaded: number) => void,
) => {
  let pulled = false
  let loaded = 0
  let control: ReadableStreamDefaultController<Uint8Array> | undefined
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (controller) => void (control = controller),
      async pull(controller) {
        pulled = true
        const { done, value } = await reader.read()
        if (done) return controller.close()
        controller.enqueue(value)
        report((loaded += value.byteLength))
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  )
  const stop = (reason: unknown) => {
    try {
      control?.error(reason)
    } catch {
      // already closed
    }
    reader.cancel(reason).catch(() => undefined)
  }
  return [stream, stop, () => pulled] as const
}

/**
 * Sends `body` through `send` (the injected or global fetch, called without a receiver, as a bare
 * `window.fetch` needs) in a Request made by `make`.
 *
 * - A ReadableStream body where Request cannot keep one (Firefox) is read into a Blob first: sent as it is,
 *   it would upload the text "[object ReadableStream]".
 * - With `onProgress` (where {@link streamsForProgress}), and for every ReadableStream body, the body goes as
 *   a stream that notes when the platform starts reading it and counts the bytes it reads (errors thrown by
 *   `onProgress` are ignored). When `signal` aborts, that stream errors, so the platform stops sending even
 *   where its own abort does not reach the connection.
 * - When that fetch fails before the platform has read a single byte, nothing was sent. A Blob, bytes or text
 *   body is then sent once more, not streamed (Chromium over HTTP/1.1 refuses streamed bodies with a
 *   TypeError, Safari with a NotSupportedError); a ReadableStream body is read into a Blob and sent once more
 *   only on a NotSupportedError (Safari), because Chromium's TypeError looks like any network failure and a
 *   stream may be too large to hold. Progress is then reported once, when the response arrives.
 *
 * Every `send` is awaited here; the caller's `send` keeps each Request reachable until its fetch settles
 * (undici and WebKit drop the abort of a collected Request: `holding` in ../request.ts).
 */
export const sendWithBody: SendBody = async (send, make, body, onProgress, signal) => {
  if (body === undefined) return await send(make())
  const isStream = body instanceof ReadableStream
  if (isStream && !keepsStreamBodies()) return await send(make(await new Response(body).blob()))
  const plain = make(body)
  if (!plain.body || !(isStream || (onProgress && streamsForProgress()))) return await send(plain)
  const report = reporter(body, onProgress)
  const reader = plain.body.getReader()
  const [counted, stop, pulled] = countingStream(reader, report)
  const onAbort = () => stop(signal.reason)
  signal.addEventListener('abort', onAbort)
  try {
    // The headers of `plain`, so that the content type its body gave it (a multipart boundary) is kept.
    return await send(make(counted, plain.headers))
  } catch (e) {
    if (pulled() || signal.aborted || (isStream && nameOf(e) !== 'NotSupportedError')) throw e
    let again: BodyInit = body
    if (isStream) again = await readAll(reader)
    else reader.cancel().catch(() => undefined)
    const res = await send(make(again))
    report(bodySize(again) ?? 0)
    return res
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
