import * as http from 'node:http'
import * as https from 'node:https'
import { Readable } from 'node:stream'
import * as zlib from 'node:zlib'

const NULL_BODY_STATUS: readonly number[] = [101, 204, 205, 304]
const REDIRECT_STATUS: readonly number[] = [301, 302, 303, 307, 308]

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError')

const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause })

/** Response headers as a `Headers`, repeated names kept. */
const toHeaders = (raw: readonly string[]): Headers => {
  const headers = new Headers()
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!)
    } catch {
      // A header value fetch would reject is dropped, as fetch itself cannot represent it.
    }
  }
  return headers
}

/** The response body, decoded as `fetch` does for gzip, deflate and br. */
const decoded = (res: http.IncomingMessage): Readable => {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined
  if (decoder === undefined) return res
  res.on('error', (e) => decoder.destroy(e))
  return res.pipe(decoder)
}

/** One request in flight: the outgoing request, whether the body is still being sent, and how it settles. */
interface Exchange {
  readonly request: Request
  readonly req: http.ClientRequest
  readonly resolve: (response: Response) => void
  readonly reject: (reason: unknown) => void
  readonly onAbort: () => void
  settled: boolean
  uploading: boolean
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined
}

/** The request `fetch` would make of `input` and `init` (a stream body needs `duplex`, added here). */
const toRequest = (input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Request => {
  if (init === undefined) return new Request(input)
  const needsDuplex = init.body !== undefined && init.body !== null
  return new Request(input, needsDuplex ? ({ ...init, duplex: 'half' } as RequestInit) : init)
}

/** Settles the promise once: later outcomes (an error after the response, a second abort) are dropped. */
const settle = (x: Exchange, outcome: () => void): void => {
  if (x.settled) return
  x.settled = true
  outcome()
}

/** Stops sending the body (the reader is cancelled with `reason`). */
const stopUpload = (x: Exchange, reason: unknown): void => {
  x.uploading = false
  x.reader?.cancel(reason).catch(() => undefined)
}

/** The signal fired: the upload and the socket stop, and the call rejects with the signal's reason. */
const aborted = (x: Exchange): void => {
  const reason = abortError(x.request.signal)
  stopUpload(x, reason)
  x.req.destroy(
    reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError'),
  )
  settle(x, () => x.reject(reason))
}

/** A refused redirect (`redirect: 'error'`) rejects as fetch does. */
const refuseRedirect = (x: Exchange, res: http.IncomingMessage, status: number): void => {
  res.resume()
  stopUpload(x, new Error('redirect'))
  x.req.destroy()
  settle(x, () => {
    x.request.signal.removeEventListener('abort', x.onAbort)
    x.reject(fetchFailed(new Error(`unexpected redirect (status ${status}) with redirect: 'error'`)))
  })
}

/** The reply: a `Response` over the decoded body stream; once it has been read, an unfinished upload stops. */
const respond = (x: Exchange, res: http.IncomingMessage): void => {
  const status = res.statusCode ?? 0
  if (x.request.redirect === 'error' && REDIRECT_STATUS.includes(status))
    return refuseRedirect(x, res, status)
  const stream = decoded(res)
  const nullBody = NULL_BODY_STATUS.includes(status) || x.request.method === 'HEAD'
  const done = () => {
    x.request.signal.removeEventListener('abort', x.onAbort)
    // The reply is complete: an upload the server did not wait for is stopped.
    if (x.uploading) {
      stopUpload(x, new Error('the server replied before the body was sent'))
      x.req.destroy()
    }
  }
  stream.on('end', done)
  stream.on('close', done)
  let response: Response
  try {
    response = new Response(nullBody ? null : (Readable.toWeb(stream) as ReadableStream<Uint8Array>), {
      status,
      statusText: res.statusMessage ?? '',
      headers: toHeaders(res.rawHeaders),
    })
  } catch (e) {
    res.destroy()
    return settle(x, () => x.reject(fetchFailed(e)))
  }
  if (nullBody) res.resume()
  settle(x, () => x.resolve(response))
}

/** Resolves once the socket has drained (or closed). */
const drained = (req: http.ClientRequest): Promise<void> =>
  new Promise<void>((resume) => {
    const go = () => {
      req.off('drain', go)
      req.off('close', go)
      resume()
    }
    req.on('drain', go)
    req.on('close', go)
  })

/** Sends the body with backpressure: the next chunk is pulled only once the socket has taken the previous one. */
const pump = async (x: Exchange, body: ReadableStream<Uint8Array>): Promise<void> => {
  const reader = body.getReader()
  x.reader = reader
  for (;;) {
    if (!x.uploading) return
    const { done, value } = await reader.read()
    if (done) break
    if (!x.uploading) return
    if (!x.req.write(value)) await drained(x.req)
  }
  x.uploading = false
  x.req.end()
}

/** Sends `request` over `transport` and settles with its response. */
const exchange = (
  request: Request,
  url: URL,
  transport: typeof http | typeof https,
  resolve: (response: Response) => void,
  reject: (reason: unknown) => void,
): void => {
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = request.body
  const x: Exchange = {
    request,
    req: transport.request(url, { method: request.method, headers }),
    resolve,
    reject,
    onAbort: () => aborted(x),
    settled: false,
    uploading: body !== null,
    reader: undefined,
  }
  const signal = request.signal
  signal.addEventListener('abort', x.onAbort, { once: true })
  x.req.on('error', (e) => {
    stopUpload(x, e)
    settle(x, () => {
      signal.removeEventListener('abort', x.onAbort)
      reject(signal.aborted ? abortError(signal) : fetchFailed(e))
    })
  })
  x.req.on('response', (res) => respond(x, res))
  if (body === null) {
    x.req.end()
    return
  }
  pump(x, body).catch((e: unknown) => {
    x.uploading = false
    x.req.destroy(e instanceof Error ? e : new Error('the request body failed'))
  })
}

/**
 * A `fetch` for Node that streams request bodies over `node:http`/`node:https` instead of buffering them.
 *
 * Node's built-in `fetch` (undici) keeps a streamed request body in memory (+1.1 GB RSS
 * for a 1 GiB upload). This one pulls the next chunk of the body only after the socket has taken the
 * previous one (backpressure via `drain`), so memory stays flat, and a progress counter on the body (the
 * transport's `onUploadProgress`) follows the bytes actually handed to the socket. Pass it as
 * `config.fetch` to `upload`.
 *
 * Differences from the platform `fetch`: http and https URLs only; redirects are never followed (a 3xx is
 * returned as it is, or rejected with `redirect: 'error'`); no cookies or cache. A body without a `content-length` header is sent chunked.
 * The `signal` aborts the request and the response body (rejecting with the signal's reason, an
 * `AbortError` by default). Connection failures reject with `TypeError('fetch failed', { cause })`.
 *
 * @param input - a URL or a `Request`.
 * @param init - the usual `RequestInit` (`method`, `headers`, `body`, `signal`); a stream body needs no `duplex`.
 * @returns a promise of a standard `Response`; it rejects on connection errors and aborts, as `fetch` does.
 * @example
 * import { upload } from '@imagekit-fp/upload'
 * import { fileFromPath, nodeFetch } from '@imagekit-fp/upload/node'
 *
 * const config = { privateKey: process.env.IMAGEKIT_PRIVATE_KEY ?? '', fetch: nodeFetch }
 * const file = await fileFromPath('./video.mp4')()
 * if (file._tag === 'Right') await upload(config, { file: file.right, fileName: 'video.mp4' })()
 * @since 0.1.0
 * @category upload
 */
export const nodeFetch: typeof fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    let request: Request
    try {
      request = toRequest(input, init)
    } catch (e) {
      reject(e)
      return
    }
    const url = new URL(request.url)
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
    if (transport === undefined) return reject(fetchFailed(new Error(`unsupported protocol ${url.protocol}`)))
    if (request.signal.aborted) return reject(abortError(request.signal))
    exchange(request, url, transport, resolve, reject)
  })
