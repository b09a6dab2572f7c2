// A loopback server that counts the request bodies it received whole (an abort or a timeout must stop
// the bytes on the wire), for the real-runtime suites (test/browser, test/runtimes) and the Node unit test of the
// same thing (packages/utils/src/http/request.abort.test.ts).
//
// Every POST under `/<key>/…` is counted for `key`. It reads the first chunk of the body, then nothing more until
// the test calls `settled(key)`: the client is still sending (a large body fills the socket buffers and waits)
// for as long as the test needs, however slow the machine. `settled` then reads every POST of the key on: a body
// the client kept sending is received whole, a body whose connection was closed ends short. Nothing here waits
// for a fixed time. `GET /<key>` answers `{ "started": n, "receiving": m }` (POSTs arrived, POSTs whose body has
// begun), so a runtime can wait until its own upload is under way. Every answer carries CORS headers and an
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
  /**
   * Resolves once a POST for `key` has arrived and its first body bytes with it, so the body is under way
   * (rejects after `timeoutMs`, an outer bound for a stuck run, never reached by a slow one: default 60 s).
   */
  readonly waitForBody: (key: string, timeoutMs?: number) => Promise<void>
  /**
   * Reads every POST for `key` (open now or arriving later) to its end, and resolves with the counts once each
   * has ended (its body received whole, or its connection closed); rejects, giving the counts, when one is still
   * open after `timeoutMs` (an outer bound, default 60 s).
   */
  /**
   * Reads every held POST of `key` on and resolves when none is open. With `graceMs`, first waits up to that long
   * for the POSTs to end by themselves (a held socket's close is noticed only once it is read, so this is usually
   * all of `graceMs`): a browser's abort reaches its network process a little after the page has its outcome, and
   * on a loaded machine reading on at once could let an aborted body through.
   */
  readonly settled: (key: string, timeoutMs?: number, graceMs?: number) => Promise<BodyCounts>
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
  receiving: boolean
  readonly release: () => void
}

/**
 * Starts a {@link CountingServer} on 127.0.0.1. `onBody(key)` runs when a POST's first body bytes arrive (the
 * Node unit test collects garbage and aborts there).
 */
export const startCountingServer = async (
  options: { readonly onBody?: (key: string) => void } = {},
): Promise<CountingServer> => {
  const entries: Entry[] = []
  const released = new Set<string>()
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const l of [...listeners]) l()
  }
  const keyOf = (url: string | undefined) => (url ?? '/').split('/')[1] ?? ''
  const counts = (key: string) => {
    const mine = entries.filter((e) => e.key === key)
    return {
      started: mine.length,
      completed: mine.filter((e) => e.state === 'completed').length,
      receiving: mine.filter((e) => e.receiving).length,
    }
  }

  const server = http.createServer((req, res) => {
    const key = keyOf(req.url)
    if (req.method !== 'POST') {
      req.resume()
      // No keep-alive after a preflight or a poll: the client must not send a POST later on a pooled socket that
      // this server closes when idle (5 s), a race a loaded machine loses (the POST then fails with EPIPE).
      const close = { connection: 'close' }
      if (req.method === 'OPTIONS') res.writeHead(204, { ...CORS, ...close }).end()
      else
        res
          .writeHead(200, { ...CORS, ...close, 'content-type': 'application/json' })
          .end(JSON.stringify(counts(key)))
      return
    }
    let held = true
    const entry: Entry = {
      key,
      state: 'open',
      receiving: false,
      release: () => {
        held = false
        req.resume()
      },
    }
    entries.push(entry)
    req.on('data', () => {
      if (!entry.receiving) {
        entry.receiving = true
        if (held) req.pause()
        options.onBody?.(key)
        changed()
      }
    })
    req.on('end', () => {
      if (entry.state === 'open') entry.state = 'completed'
      changed()
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }))
    })
    // A body cut short ends in 'aborted', an 'error' (ECONNRESET) and 'close', never in 'end'.
    req.on('error', () => undefined)
    req.on('close', () => {
      if (entry.state === 'open') entry.state = 'closed'
      changed()
    })
    if (released.has(key)) entry.release()
    changed()
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
    waitForBody: (key, timeoutMs = 60_000) =>
      until(
        () => counts(key).receiving > 0,
        timeoutMs,
        () => `no POST body for ${key} began within ${timeoutMs} ms`,
      ),
    settled: async (key, timeoutMs = 60_000, graceMs = 0) => {
      const open = () => entries.some((e) => e.key === key && e.state === 'open')
      if (graceMs > 0)
        await until(
          () => !open(),
          graceMs,
          () => '',
        ).catch(() => undefined)
      released.add(key)
      for (const e of entries) if (e.key === key) e.release()
      await until(
        () => entries.every((e) => e.key !== key || e.state !== 'open'),
        timeoutMs,
        () => `a POST for ${key} was still open after ${timeoutMs} ms: ${JSON.stringify(counts(key))}`,
      )
      const { started, completed } = counts(key)
      return { started, completed }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
