// The request body is attached inside the fetch handed to ky, not given to ky itself: ky clones every request
// before sending it (to be able to retry), and the clone tees the body stream, so the unread branch keeps
// every byte sent (measured: +280 MB RSS for a 300 MB streamed upload). Attached here, the body streams
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

/**
 * The `fetch` given to ky: it attaches `body` to the body-less Request ky built, then calls the injected or
 * global fetch without a receiver (a bare `window.fetch` needs that).
 *
 * - A ReadableStream body where Request cannot keep one (Firefox) is read into a Blob first: sent as it is,
 *   it would upload the text "[object ReadableStream]".
 * - With `onProgress` (where {@link streamsForProgress}), and for every ReadableStream body, the body goes as
 *   a stream that notes when the platform starts reading it and counts the bytes it reads (errors thrown by
 *   `onProgress` are ignored).
 * - When that fetch fails before the platform has read a single byte, nothing was sent. A Blob, bytes or text
 *   body is then sent once more, not streamed (Chromium over HTTP/1.1 refuses streamed bodies with a
 *   TypeError, Safari with a NotSupportedError); a ReadableStream body is read into a Blob and sent once more
 *   only on a NotSupportedError (Safari), because Chromium's TypeError looks like any network failure and a
 *   stream may be too large to hold. Progress is then reported once, when the response arrives.
 */
export const fetchWithBody =
  (
    fetchImpl: typeof fetch | undefined,
    body: BodyInit | undefined,
    onProgress: ((progress: UploadProgress) => void) | undefined,
  ): typeof fetch =>
  async (input, init) => {
    const send = fetchImpl ?? globalThis.fetch
    const base = input as Request
    const withBody = (b: BodyInit) => new Request(base, { body: b, duplex: 'half' } as RequestInit)
    if (body === undefined) return send(base, init)
    const isStream = body instanceof ReadableStream
    if (isStream && !keepsStreamBodies()) return send(withBody(await new Response(body).blob()), init)
    const plain = withBody(body)
    if (!plain.body || !(isStream || (onProgress && streamsForProgress()))) return send(plain, init)

    const total = bodySize(body)
    const report = (loaded: number) => {
      try {
        onProgress?.(total === undefined ? { loaded } : { loaded, total: Math.max(total, loaded) })
      } catch {
        // A failing progress callback must not fail the upload.
      }
    }
    const reader = plain.body.getReader()
    let pulled = false
    let loaded = 0
    // highWaterMark 0: `pull` runs only when the platform asks for bytes, so `pulled` means "started sending".
    const counted = new ReadableStream<Uint8Array>(
      {
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
    try {
      // Built from `plain`, so that the content type its body gave it (a multipart boundary) is kept.
      return await send(new Request(plain, { body: counted, duplex: 'half' } as RequestInit), init)
    } catch (e) {
      if (pulled || base.signal.aborted || (isStream && nameOf(e) !== 'NotSupportedError')) throw e
      let again: BodyInit = body
      if (isStream) again = await readAll(reader)
      else reader.cancel().catch(() => undefined)
      const res = await send(withBody(again), init)
      report(bodySize(again) ?? 0)
      return res
    }
  }
