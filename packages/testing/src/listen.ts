import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import type { StandIn } from './createImagekitStandIn'

/**
 * A running loopback server; `url` serves both the API and the upload host.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListeningStandIn {
  /** `http://127.0.0.1:<port>`: use it as both `apiBaseUrl` and `uploadBaseUrl` (or `baseURL` in ImageKit's SDKs). */
  readonly url: string
  /** Stops the server and drops open connections. */
  readonly close: () => Promise<void>
}

const toRequest = (req: http.IncomingMessage, base: string, signal: AbortSignal): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS'
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit)
}

/**
 * Reads and drops what is left of a request body the answer did not need (an auth refusal, a 429, an injected
 * fault): Node closes a connection whose request it never read, so a client still sending would get a reset
 * or EPIPE instead of the answer, and a kept-alive socket would die under the next request.
 */
const drain = async (request: Request): Promise<void> => {
  if (request.body === null || request.bodyUsed || request.body.locked) return
  const reader = request.body.getReader()
  try {
    for (;;) if ((await reader.read()).done) return
  } catch {
    // The client went away; the answer below fails quietly too.
  }
}

/**
 * Serves a stand-in on `127.0.0.1` (a free port) over HTTP/1.1, for code that cannot take an injected `fetch`
 * (ImageKit's own SDKs included). Injected resets drop the socket; truncated bodies send half and close.
 *
 * @param standIn - the stand-in to serve.
 * @returns the server's `url` and `close()`.
 * @example
 * import { createImagekitStandIn } from '@imagekit-fp/testing'
 * import { listen } from '@imagekit-fp/testing/node'
 *
 * const standIn = createImagekitStandIn()
 * const server = await listen(standIn)
 * // upload with { privateKey: standIn.privateKey, uploadBaseUrl: server.url, apiBaseUrl: server.url }
 * await server.close()
 * @since 0.1.0
 * @category constructors
 */
export const listen = async (standIn: Pick<StandIn, 'handle'>): Promise<ListeningStandIn> => {
  let base = 'http://127.0.0.1'
  const server = http.createServer((req, res) => {
    const aborted = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort()
    })
    void (async () => {
      const request = toRequest(req, base, aborted.signal)
      const outcome = await standIn.handle(request)
      if (outcome.kind === 'reset') {
        req.socket.destroy()
        return
      }
      await drain(request)
      const { response } = outcome
      const body = Buffer.from(await response.arrayBuffer())
      const headers: Record<string, string> = {}
      response.headers.forEach((v, k) => {
        headers[k] = v
      })
      if (outcome.truncate) {
        res.writeHead(response.status, { ...headers, 'content-length': String(body.length) })
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy())
        return
      }
      res.writeHead(response.status, headers)
      res.end(body)
    })().catch(() => {
      // The client went away (aborted request) or the body could not be read: drop the connection.
      res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
