// What an engine's onProgress tests share: the harness in that engine (accepting the self-signed certificate),
// the offline ImageKit (@imagekit-fp/testing's stand-in), and recording proxies in front of it over loopback http (HTTP/1.1) and, when
// openssl can make a certificate, https with HTTP/2. Started in beforeAll, closed in afterAll.
import { afterAll, beforeAll } from 'vitest'
import type { FetchCall, UploadCase, UploadOutcome } from './entry'
import { type Engine, type Harness, startHarness } from './harness'
import { type FakeImagekit, type RecordingProxy, type Seen, startFake, startRecordingProxy } from './servers'
import { makeCertificate } from '../../support/certificate'

export interface Stand {
  readonly h: Harness
  readonly fake: FakeImagekit
  /** http://127.0.0.1 (HTTP/1.1) */
  readonly http1: RecordingProxy
  /** https://127.0.0.1 speaking HTTP/2 only (undefined without openssl). */
  readonly http2: RecordingProxy | undefined
}

/** What one upload in the page gave, and what reached the proxy and the page log meanwhile. */
export interface Observed {
  readonly outcome: UploadOutcome
  readonly fetches: readonly FetchCall[]
  /** `[method, httpVersion, content-length header]` of each request the proxy received. */
  readonly wire: readonly (readonly [string, string, string | undefined])[]
  /** The byte count of the (last) POST body the proxy received. */
  readonly postBytes: number
  readonly pageLog: readonly string[]
  /** How many uploads the stand-in stored. */
  readonly stored: number
}

/** Registers beforeAll/afterAll for a {@link Stand} in `engine`; call inside a describe. */
export const useStand = (
  engine: Engine,
): {
  readonly certificateReason: string | undefined
  readonly stand: () => Stand
  readonly clientAuth: () => Record<string, unknown>
  readonly observe: (proxy: RecordingProxy, c: UploadCase) => Promise<Observed>
} => {
  const cert = makeCertificate()
  let stand: Stand | undefined
  const started: { h?: Harness; fake?: FakeImagekit; proxies: RecordingProxy[] } = { proxies: [] }
  beforeAll(async () => {
    const [h, fake] = await Promise.all([startHarness(engine, { acceptInsecureCerts: true }), startFake()])
    Object.assign(started, { h, fake })
    const http1 = await startRecordingProxy(fake.url)
    started.proxies.push(http1)
    const http2 =
      cert.reason === undefined
        ? await startRecordingProxy(fake.url, { tls: { key: cert.key, cert: cert.cert } })
        : undefined
    if (http2 !== undefined) started.proxies.push(http2)
    stand = { h, fake, http1, http2 }
  })
  afterAll(async () => {
    await Promise.all([started.h?.close(), ...started.proxies.map((p) => p.close())])
    await started.fake?.close()
  })
  const ready = (): Stand => {
    if (stand === undefined) throw new Error(`the harness did not start in ${engine.name}`)
    return stand
  }
  return {
    certificateReason: cert.reason,
    stand: ready,
    clientAuth: () => {
      const { h, fake } = ready()
      const r = h.node.call({ fn: 'getAuthenticationParameters', args: [{ privateKey: fake.privateKey }] })
      return { publicKey: fake.publicKey, ...(r as { right: object }).right }
    },
    observe: async (proxy, c) => {
      const { h, fake } = ready()
      const from = { seen: proxy.seen.length, log: h.pageLog.length, stored: fake.uploads.length }
      const outcome = await h.inPage((ik, x) => ik.runUpload(x), { ...c, watchFetch: true })
      const seen = proxy.seen.slice(from.seen)
      return {
        outcome: { result: outcome.result, progress: outcome.progress },
        fetches: outcome.fetches ?? [],
        wire: seen.map((s: Seen) => [s.method, s.httpVersion, s.contentLength] as const),
        postBytes: seen.filter((s) => s.method === 'POST').at(-1)?.bytes ?? 0,
        pageLog: h.pageLog.slice(from.log),
        stored: fake.uploads.length - from.stored,
      }
    },
  }
}
