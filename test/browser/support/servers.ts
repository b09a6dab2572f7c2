// Loopback servers for the browser upload tests: the offline ImageKit (@imagekit-fp/testing's stand-in served by
// `listen()`), a recording reverse proxy in front of it (HTTP/1.1, or HTTP/2 over TLS with a certificate made by
// the openssl CLI at test time), so a test sees exactly what reached the wire: method, protocol, content-length,
// byte count.
import http from 'node:http'
import http2 from 'node:http2'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { createImagekitStandIn, listen } from '@imagekit-fp/testing/node'

/** The stand-in on loopback, with the uploads it stored as the tests read them. */
export interface FakeImagekit {
  readonly url: string
  readonly privateKey: string
  readonly publicKey: string
  readonly urlEndpoint: string
  /** Every upload the stand-in stored: its text fields and its `file` part (from `standIn.requests()`). */
  readonly uploads: readonly {
    readonly fields: Readonly<Record<string, string>>
    readonly file: {
      readonly size: number
      readonly filename: string | undefined
      readonly type: string | undefined
    }
  }[]
  /** Forgets every file and logged request (ids start again). */
  readonly reset: () => void
  readonly close: () => Promise<void>
}

export const startFake = async (): Promise<FakeImagekit> => {
  const standIn = createImagekitStandIn()
  const server = await listen(standIn)
  return {
    url: server.url,
    privateKey: standIn.privateKey,
    publicKey: standIn.publicKey,
    urlEndpoint: standIn.urlEndpoint,
    get uploads() {
      return standIn
        .requests()
        .filter((r) => r.operation.startsWith('upload-file') && r.status === 200)
        .map((r) => ({
          fields: r.body as Record<string, string>,
          file: { size: r.file?.size ?? 0, filename: r.file?.filename, type: r.file?.type },
        }))
    },
    reset: standIn.reset,
    close: server.close,
  }
}

/** One request as the proxy received it (`bytes` grows while the body arrives). */
export interface Seen {
  readonly httpVersion: string
  readonly method: string
  readonly path: string
  /** The content-length header, when the client sent one (a streamed body over HTTP/2 has none). */
  readonly contentLength: string | undefined
  bytes: number
  /** Set once the whole body was received. */
  complete: boolean
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>` */
  readonly url: string
  readonly seen: readonly Seen[]
  /** Resolves once a request matching `test` has arrived (rejects after `timeoutMs`, an outer bound: 60 s). */
  readonly waitFor: (test: (s: Seen) => boolean, timeoutMs?: number) => Promise<Seen>
  readonly close: () => Promise<void>
}

// Hop-by-hop headers: not forwarded, and forbidden in HTTP/2.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'host'])

const forwardable = (headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith(':') && !HOP.has(k)))

/**
 * A reverse proxy on 127.0.0.1 to `target` (an http URL) that records every request. With `tls` it speaks
 * HTTP/2 only (ALPN h2), or HTTP/1.1 only over TLS with `http1: true` too. With `hold`, a POST is read but
 * never answered (to abort while waiting for a reply).
 */
export const startRecordingProxy = async (
  target: string,
  options: {
    readonly tls?: { readonly key: Buffer; readonly cert: Buffer }
    readonly http1?: boolean
    readonly hold?: boolean
  } = {},
): Promise<RecordingProxy> => {
  const seen: Seen[] = []
  const waiters: { test: (s: Seen) => boolean; resolve: (s: Seen) => void }[] = []
  const notify = () => {
    for (const w of [...waiters]) {
      const hit = seen.find(w.test)
      if (hit !== undefined) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(hit)
      }
    }
  }
  const handler = (
    req: http.IncomingMessage | http2.Http2ServerRequest,
    res: http.ServerResponse | http2.Http2ServerResponse,
  ) => {
    const entry: Seen = {
      httpVersion: req.httpVersion,
      method: req.method ?? '',
      path: req.url ?? '',
      contentLength: req.headers['content-length'],
      bytes: 0,
      complete: false,
    }
    seen.push(entry)
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length
      notify()
    })
    req.on('end', () => {
      entry.complete = true
      notify()
    })
    notify()
    if (options.hold === true && entry.method === 'POST') {
      // Answer the CORS preflight normally (forwarded below) but keep the upload waiting forever.
      req.resume()
      return
    }
    const out = http.request(
      `${target}${entry.path}`,
      { method: entry.method, headers: forwardable(req.headers) },
      (reply) => {
        ;(res as http.ServerResponse).writeHead(reply.statusCode ?? 502, forwardable(reply.headers))
        reply.pipe(res as http.ServerResponse)
      },
    )
    out.on('error', () => (res as http.ServerResponse).destroy())
    ;(req as http.IncomingMessage).pipe(out)
  }

  const sockets = new Set<Socket>()
  const sessions = new Set<http2.ServerHttp2Session>()
  const server =
    options.tls === undefined
      ? http.createServer(handler)
      : options.http1 === true
        ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler)
        : http2.createSecureServer({ key: options.tls.key, cert: options.tls.cert }, handler)
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('session', (s: http2.ServerHttp2Session) => {
    sessions.add(s)
    s.on('close', () => sessions.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    seen,
    waitFor: (test, timeoutMs = 60_000) =>
      new Promise<Seen>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the expected request never arrived')), timeoutMs)
        waiters.push({
          test,
          resolve: (s) => {
            clearTimeout(timer)
            resolve(s)
          },
        })
        notify()
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const s of sessions) s.destroy()
        for (const s of sockets) s.destroy()
      }),
  }
}
