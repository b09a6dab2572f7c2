// A loopback server that counts the request bodies it received whole (issue 7: an abort or a timeout must stop
// the bytes on the wire), for the real-runtime suites (test/browser, test/runtimes); the Node unit test of the
// same thing is packages/utils/src/http/request.abort.test.ts.
//
// Every POST under `/<key>/…` is counted for `key`: it reads nothing for `stallMs` after it arrives (so the
// client is still sending when it aborts or times out), then reads on. A body still on its way would then be
// received whole; a body whose connection was closed ends short. `GET /<key>` answers `{ "started": n }`, so a
// runtime can wait for its own request to arrive before aborting. Every answer carries CORS headers and an
// `OPTIONS` preflight is a 204, so a page on another origin can upload here.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the server saw of one key's POSTs. */
export interface BodyCounts {
  /** POSTs that arrived (complete or not). */
  readonly started: number
  /** POST bodies received to their end. */
  readonly completed: number
}

export interface CountingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Resolves once a POST for `key` has arrived (rejects after `timeoutMs`). */
  readonly waitForStart: (key: string, timeoutMs?: number) => Promise<void>
  /**
   * Resolves with `key`'s counts once every POST for it has ended (its body received whole, or its connection
   * closed); rejects, giving the counts, when one is still open after `timeoutMs`.
   */
  readonly settled: (key: string, timeoutMs?: number) => Promise<BodyCounts>
  readonly close: () => Promise<void>
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
}

interface Entry {
  readonly key: string
  state: 'open' | 'completed' | 'closed'
}

/** Starts a {@link CountingServer} on 127.0.0.1 whose POSTs wait `stallMs` before their body is read. */
export const startCountingServer = async (stallMs = 1500): Promise<CountingServer> => {
  const entries: Entry[] = []
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const l of [...listeners]) l()
  }
  const keyOf = (url: string | undefined) => (url ?? '/').split('/')[1] ?? ''
  const counts = (key: string) => {
    const mine = entries.filter((e) => e.key === key)
    return { started: mine.length, completed: mine.filter((e) => e.state === 'completed').length }
  }

  const server = http.createServer((req, res) => {
    const key = keyOf(req.url)
    if (req.method !== 'POST') {
      req.resume()
      if (req.method === 'OPTIONS') res.writeHead(204, CORS).end()
      else
        res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(counts(key)))
      return
    }
    const entry: Entry = { key, state: 'open' }
    entries.push(entry)
    changed()
    req.pause()
    const timer = setTimeout(() => req.resume(), stallMs)
    req.on('end', () => {
      if (entry.state === 'open') entry.state = 'completed'
      changed()
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }))
    })
    // A body cut short ends in 'aborted', an 'error' (ECONNRESET) and 'close', never in 'end'.
    req.on('error', () => undefined)
    req.on('close', () => {
      clearTimeout(timer)
      if (entry.state === 'open') entry.state = 'closed'
      changed()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  /** Resolves once `done()` holds (checked on every change), or rejects with `message()` after `timeoutMs`. */
  const until = (done: () => boolean, timeoutMs: number, message: () => string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return
        listeners.delete(check)
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(message()))
      }, timeoutMs)
      listeners.add(check)
      check()
    })

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    waitForStart: (key, timeoutMs = 10_000) =>
      until(
        () => counts(key).started > 0,
        timeoutMs,
        () => `no POST for ${key} arrived within ${timeoutMs} ms`,
      ),
    settled: async (key, timeoutMs = 10_000) => {
      await until(
        () => entries.every((e) => e.key !== key || e.state !== 'open'),
        timeoutMs,
        () => `a POST for ${key} was still open after ${timeoutMs} ms: ${JSON.stringify(counts(key))}`,
      )
      return counts(key)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
