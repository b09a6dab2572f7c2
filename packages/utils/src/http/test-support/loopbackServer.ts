/**
 * A scripted loopback HTTP server for transport tests (request, upload, media). Test-only, not built.
 *
 *   const server = await startLoopbackServer([
 *     { status: 503, json: { message: 'busy' }, headers: { 'retry-after': '0' } },
 *     { json: { ok: true } },
 *   ])
 *   // … point apiBaseUrl / uploadBaseUrl at server.url (http://127.0.0.1:<port>) …
 *   server.requests        // what arrived: [{ method, url, headers, body: Uint8Array }, …]
 *   await server.close()   // in afterEach; also ends hanging responses
 *
 * The n-th request gets the n-th scripted response (or `script(request, n)` when a function is given);
 * past the end of the list it gets a 599 `{"message":"loopback script exhausted"}`.
 * A response can: wait (`delayMs`), never answer (`hang`), send part of its body and then stall
 * (`stallAfterBytes`), reset the connection mid-body (`resetAfterBytes`), or end the connection early while
 * its Content-Length promises more (`truncateAfterBytes`). `closedPort()` gives a port nobody listens on.
 * Every request body is read completely before the scripted response starts.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ScriptedResponse {
  /** @default 200 */
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  /** A JSON body (sets `content-type: application/json` unless `headers` does). */
  readonly json?: unknown
  /** A raw body (ignored when `json` is set). */
  readonly body?: string | Uint8Array
  /** Wait this long before sending the status line. */
  readonly delayMs?: number
  /** Never answer (the connection stays open until `close()`). */
  readonly hang?: boolean
  /** Send the headers and this many body bytes, then stall until `close()`. */
  readonly stallAfterBytes?: number
  /** Send the headers (chunked) and this many body bytes, then destroy the socket. */
  readonly resetAfterBytes?: number
  /** Send Content-Length of the whole body but only this many bytes, then end the connection cleanly. */
  readonly truncateAfterBytes?: number
}

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as received (`/v1/files?limit=1`). */
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: Uint8Array
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  /** Requests received so far, in order (each recorded once its body has been read). */
  readonly requests: readonly RecordedRequest[]
  readonly close: () => Promise<void>
}

export type Script =
  readonly ScriptedResponse[] | ((request: RecordedRequest, index: number) => ScriptedResponse)

const EXHAUSTED: ScriptedResponse = { status: 599, json: { message: 'loopback script exhausted' } }

const respond = (res: http.ServerResponse, step: ScriptedResponse): void => {
  if (step.hang === true) return
  const headers: Record<string, string> = { ...step.headers }
  let payload: Uint8Array = new Uint8Array(0)
  if (step.json !== undefined) {
    payload = new TextEncoder().encode(JSON.stringify(step.json))
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json'
  } else if (step.body !== undefined) {
    payload = typeof step.body === 'string' ? new TextEncoder().encode(step.body) : step.body
  }
  const status = step.status ?? 200
  const cut = step.resetAfterBytes ?? step.stallAfterBytes
  if (step.truncateAfterBytes !== undefined) {
    res.writeHead(status, { ...headers, 'content-length': String(payload.length) })
    res.write(payload.subarray(0, step.truncateAfterBytes), () => res.socket?.end())
    return
  }
  if (cut !== undefined) {
    res.writeHead(status, headers)
    res.flushHeaders()
    res.write(payload.subarray(0, cut), () => {
      if (step.resetAfterBytes !== undefined) setTimeout(() => res.socket?.resetAndDestroy(), 20)
    })
    return
  }
  res.writeHead(status, { ...headers, 'content-length': String(payload.length) })
  res.end(payload)
}

/** Starts a server on 127.0.0.1 with a random port that answers with `script`. */
export const startLoopbackServer = async (script: Script): Promise<LoopbackServer> => {
  const requests: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: new Uint8Array(Buffer.concat(chunks)),
      }
      const index = requests.length
      requests.push(recorded)
      const step = typeof script === 'function' ? script(recorded, index) : (script[index] ?? EXHAUSTED)
      if (step.delayMs !== undefined && step.delayMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          respond(res, step)
        }, step.delayMs)
        timers.add(timer)
      } else {
        respond(res, step)
      }
    })
  })
  server.on('clientError', (_err, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A loopback port with nothing listening on it (connections are refused). */
export const closedPort = async (): Promise<number> => {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
