// The one portable scenario every runtime runs (Node, workerd, Vercel Edge, Deno, Bun): web APIs only, no `node:`
// import, no file, env or clock access of its own (fixed clocks and every key come in `ScenarioInput`). It is
// bundled per runtime by ../harness.ts (or imported directly from a user folder's node_modules) and returns a
// JSON-serialisable result that the tests compare with the Node run.
import {
  getAuthenticationParameters,
  hmacSha1Hex,
  hmacSha256Hex,
  phashDistance,
  verifyWebhook,
} from '@imagekit-fp/utils'
import { buildTransformationString, buildUrl, getResponsiveImageAttributes, signUrl } from '@imagekit-fp/url'
import { request } from '@imagekit-fp/utils/http'
import * as t from 'io-ts'
import { upload, type UploadConfig, type UploadProgress, type UploadRequest } from '@imagekit-fp/upload'

/** A client-side upload's signed fields, made in Node with node:crypto (each token is accepted once). */
export interface ClientAuth {
  readonly token: string
  readonly expire: number
  readonly signature: string
}

/** A webhook request made (and signed) in Node. */
export interface SignedWebhook {
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

/** Everything the scenario needs; plain JSON so that it crosses every process and isolate boundary. */
export interface ScenarioInput {
  /** Fixed clock (ms) for signUrl and the webhook checks. */
  readonly now: number
  /** The loopback stand-in of ImageKit (`http://127.0.0.1:<port>`). */
  readonly uploadBaseUrl: string
  readonly privateKey: string
  readonly publicKey: string
  /** One per client-side upload (Uint8Array file, Blob file). */
  readonly clientAuth: readonly [ClientAuth, ClientAuth]
  readonly webhookSecret: string
  /** The time the webhooks were signed at (ms). */
  readonly webhookNow: number
  readonly legacyWebhook: SignedWebhook
  readonly standardWebhook: SignedWebhook
  /** The loopback server that counts whole request bodies (test/support/countingServer.ts). */
  readonly countingUrl: string
  /** This run's key prefix on the counting server: its uploads go to `<countingUrl>/<runId>-abort` and `-timeout`. */
  readonly runId: string
  /** The per-attempt timeout of the upload that times out (each attempt lasts this long). */
  readonly uploadTimeoutMs: number
  /**
   * Leave out "upload aborted while sending" (recorded as {@link STREAM_ABORT_SKIPPED}): workerd dies on a
   * fatal internal error when a fetch whose request body is a stream is aborted (a bare fetch does it too).
   */
  readonly skipStreamAbort?: boolean
}

/** The value of "upload aborted while sending" when the input says `skipStreamAbort`. */
export const STREAM_ABORT_SKIPPED = {
  skipped:
    "workerd crashes (kj 'Promise callback destroyed itself') when a fetch with a streamed body is aborted",
} as const

/** What a runtime reports about itself and about the HMAC engine the SDK used. */
export interface RuntimeInfo {
  readonly typeofProcess: string
  /** `typeof process.getBuiltinModule === 'function'`. */
  readonly getBuiltinModule: boolean
  /** How many times the SDK asked `process.getBuiltinModule('node:crypto')` (observed through a wrapper). */
  readonly nodeCryptoRequests: number
  /** The engine that ran: Node's crypto when it was asked for and has `createHmac`, else @noble/hashes. */
  readonly hmacPath: 'node:crypto' | '@noble/hashes'
  /** Does `new Request(…, { body: stream, duplex })` read `duplex` (the SDK's progress precondition)? */
  readonly requestStreams: boolean
  /** Did `fetch` send a `ReadableStream` request body to the loopback server (the runtime's real capability)? */
  readonly streamBodyAccepted: boolean
}

/** Per upload: was `onProgress` called, and what did its last call say. */
export interface ProgressRecord {
  readonly called: boolean
  readonly calls: number
  readonly last: { readonly loaded: number; readonly total?: number } | null
  /** `loaded` never went down and never exceeded `total`. */
  readonly consistent: boolean
}

/** The scenario's output. `cases` must be identical in every runtime; `info` and `progress` legitimately differ. */
export interface ScenarioResult {
  readonly info: RuntimeInfo
  readonly cases: Readonly<Record<string, unknown>>
  readonly progress: Readonly<Record<string, ProgressRecord>>
}

interface Spy {
  readonly requests: () => number
  readonly gotCrypto: () => boolean
  readonly restore: () => void
}

type GetBuiltinModule = (id: string) => unknown

/** Wraps `process.getBuiltinModule` (where there is one) to count the SDK's requests for node:crypto. */
const spyOnBuiltins = (): Spy => {
  const p = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process
  const original = p?.getBuiltinModule
  let requests = 0
  let gotCrypto = false
  if (p !== undefined && typeof original === 'function') {
    try {
      p.getBuiltinModule = (id: string) => {
        const m = original.call(p, id)
        if (id === 'node:crypto' || id === 'crypto') {
          requests++
          gotCrypto ||= typeof (m as { createHmac?: unknown } | undefined)?.createHmac === 'function'
        }
        return m
      }
    } catch {
      // A read-only process object: the count stays 0 and hmacPath reads as @noble/hashes.
    }
  }
  return {
    requests: () => requests,
    gotCrypto: () => gotCrypto,
    restore: () => {
      if (p !== undefined && typeof original === 'function') {
        try {
          p.getBuiltinModule = original
        } catch {
          // nothing to undo
        }
      }
    },
  }
}

const requestStreams = (): boolean => {
  let read = false
  try {
    const init = {
      method: 'POST',
      body: new ReadableStream(),
      get duplex() {
        read = true
        return 'half'
      },
    }
    new Request('https://a.invalid', init as RequestInit)
  } catch {
    return false
  }
  return read
}

const streamBodyAccepted = async (base: string): Promise<boolean> => {
  try {
    const body = new Blob(['probe']).stream()
    const res = await fetch(`${base}/stream-probe`, { method: 'POST', body, duplex: 'half' } as RequestInit)
    await res.text()
    return res.status === 404 // the stand-in's answer to a path it does not know, after the body was sent
  } catch {
    return false
  }
}

/** Replaces what changes from run to run (ports, random ids) with fixed markers, after checking its shape. */
const stable = (value: unknown, base: string, marker = '<upload>'): unknown => {
  if (typeof value === 'string') {
    return value.split(base).join(marker)
  }
  if (Array.isArray(value)) return value.map((v) => stable(v, base, marker))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === 'cause') continue // a runtime-specific exception object: its message is in `message`
      if ((k === 'fileId' || k === 'id') && typeof v === 'string' && /^[0-9a-f]{24}$/.test(v))
        out[k] = '<24 hex>'
      else if (
        k === 'requestId' &&
        typeof v === 'string' &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)
      )
        out[k] = '<uuid>'
      else out[k] = stable(v, base, marker)
    }
    return out
  }
  return value
}

const recorder = () => {
  const events: UploadProgress[] = []
  const onProgress = (p: UploadProgress) => {
    events.push({ ...p })
  }
  const record = (): ProgressRecord => {
    let consistent = true
    let previous = 0
    for (const e of events) {
      if (e.loaded < previous || (e.total !== undefined && e.loaded > e.total)) consistent = false
      previous = e.loaded
    }
    const last = events[events.length - 1]
    return { called: events.length > 0, calls: events.length, last: last ?? null, consistent }
  }
  return { onProgress, record }
}

const bytes = (n: number): Uint8Array<ArrayBuffer> => {
  const b = new Uint8Array(n)
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff
  return b
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Resolves once the counting server has received the first body bytes of a POST under `base` (polled, with no
 * bound of its own: the test's outer timeout ends a run that never gets there).
 */
const underWay = async (base: string): Promise<void> => {
  for (;;) {
    const res = await fetch(base)
    const { receiving } = (await res.json()) as { receiving: number }
    if (receiving > 0) return
    await sleep(50)
  }
}

/** The size of the bodies the abort and timeout cases send: far more than loopback socket buffers hold. */
export const LARGE_BODY = 24 * 1024 * 1024

const E = 'https://ik.imagekit.io/your_imagekit_id/endpoint/'
const D = 'https://ik.imagekit.io/demo'

/**
 * Runs every case against the SDK as the runtime resolved it.
 *
 * @param input - fixed clocks, keys, the loopback upload URL and the Node-signed webhooks and client auth
 * @returns the JSON-serialisable results
 */
export const runScenario = async (input: ScenarioInput): Promise<ScenarioResult> => {
  const spy = spyOnBuiltins()
  const cases: Record<string, unknown> = {}
  const progress: Record<string, ProgressRecord> = {}
  try {
    const src = `${E}default-image.jpg`
    cases['buildUrl classic README examples'] = [
      buildUrl(
        { urlEndpoint: E },
        { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] },
      ),
      buildUrl({ urlEndpoint: E }, { src, transformation: [{ height: '300', width: '400' }] }),
      buildUrl(
        { urlEndpoint: E },
        {
          path: '/default-image.jpg',
          transformationPosition: 'query',
          transformation: [{ height: '300', width: '400' }, { rotation: 90 }],
        },
      ),
      buildUrl(
        { urlEndpoint: E },
        {
          src,
          transformation: [{ format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' }],
        },
      ),
      buildUrl({ urlEndpoint: D }, { path: "/my folder/it's #1/é%20x.jpg", queryParameters: { v: 'ü 1' } }),
    ]
    cases['signUrl with a fixed clock'] = [
      signUrl(
        {
          urlEndpoint: 'https://ik.imagekit.io/your_imagekit_id',
          privateKey: 'dummy-key',
          now: () => input.now,
        },
        {
          path: '/default-image.jpg',
          queryParameters: { v: '123' },
          transformation: [{ height: '300', width: '400' }],
          expireSeconds: 300,
        },
      ),
      signUrl(
        { urlEndpoint: D, privateKey: 'dummy-key' },
        {
          path: '/sdk-testing-files/future-search.png',
          transformation: [{ width: 300, height: 200 }],
          queryParameters: { version: '2.0' },
        },
      ),
      signUrl(
        { urlEndpoint: D, privateKey: 'ключ ✓', now: () => input.now },
        { path: '/ünïcode.jpg', expireSeconds: 60 },
      ),
    ]
    cases['buildTransformationString'] = [
      buildTransformationString([
        { width: 300, height: 200, aspect_ratio: '4-3' } as never,
        { rotation: 90 },
      ]),
      buildTransformationString([{ overlay: { type: 'text', text: 'हिन्दी' } }]),
      buildTransformationString([{ overlay: { type: 'text', text: '😀 a,b' } }, { raw: 'l-end' }]),
      buildTransformationString([{ overlay: { type: 'image', input: '/folder/logo.png' } }]),
    ]
    cases['getResponsiveImageAttributes'] = [
      getResponsiveImageAttributes(
        { urlEndpoint: D },
        { path: '/a.jpg', width: 400, transformationPosition: 'query' },
      ),
      getResponsiveImageAttributes(
        { urlEndpoint: D },
        { path: '/a.jpg', sizes: '(min-width: 768px) 50vw, 100vw' },
      ),
    ]
    cases['ValidationError values'] = [
      buildUrl({ urlEndpoint: D }, {} as never),
      buildUrl({ urlEndpoint: 'not a url' }, { path: '/a.jpg' }),
      signUrl({ urlEndpoint: D, privateKey: '' }, { path: '/a.jpg' }),
      buildTransformationString([{ overlay: { type: 'text' } } as never]),
    ]
    cases['getAuthenticationParameters'] = [
      getAuthenticationParameters(
        { privateKey: 'private_key_test', now: () => 1582268000000 },
        { token: 'your_token', expire: 1582269249 },
      ),
      getAuthenticationParameters(
        { privateKey: 'private_key_test', now: () => 1582270000000 },
        {
          token: 'your_token',
          expire: 1582269249,
        },
      ),
      (() => {
        // A generated token: a UUID v4 (crypto.getRandomValues), default expiry now + 1800 s, its own signature.
        const r = getAuthenticationParameters({ privateKey: 'private_key_test', now: () => input.now })
        if (r._tag === 'Left') return r
        const { token, expire, signature } = r.right
        return {
          uuidV4: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(token),
          expire,
          signatureMatches: (() => {
            const own = hmacSha1Hex('private_key_test', token + String(expire))
            return own._tag === 'Right' && own.right === signature
          })(),
        }
      })(),
    ]
    cases['hmac helpers'] = [
      hmacSha1Hex('private_key_test', 'your_token1582269249'),
      hmacSha1Hex('ключ ✓', 'message é 😀'),
      hmacSha256Hex(new Uint8Array([1, 2, 3]), new TextEncoder().encode('bytes in')),
      hmacSha256Hex('whsec_test', ''),
    ]
    cases['phashDistance'] = [
      phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb'),
      phashDistance('FFFFFFFFFFFFFFFF', '0000000000000000'),
      phashDistance('2d5a', '2d5ad3'),
      phashDistance('xyz', '2d5'),
    ]
    const wh = { webhookSecret: input.webhookSecret, now: () => input.webhookNow }
    const { legacyWebhook: legacy, standardWebhook: standard } = input
    cases['verifyWebhook'] = [
      verifyWebhook(wh, legacy),
      verifyWebhook(wh, standard),
      verifyWebhook(wh, {
        body: new TextEncoder().encode(standard.body),
        headers: new Headers(standard.headers),
      }),
      verifyWebhook(wh, { body: legacy.body.replace('file', 'fi1e'), headers: legacy.headers }),
      verifyWebhook({ ...wh, now: () => input.webhookNow + 301_000 }, standard),
      verifyWebhook({ webhookSecret: 'whsec_wrong', now: wh.now }, standard),
      verifyWebhook(wh, { body: standard.body, headers: {} }),
    ]

    // Uploads to the loopback stand-in of ImageKit.
    const server: UploadConfig = {
      privateKey: input.privateKey,
      uploadBaseUrl: input.uploadBaseUrl,
      timeout: 10_000,
    }
    const client: UploadConfig = { uploadBaseUrl: input.uploadBaseUrl, timeout: 10_000 }
    const send = async (name: string, config: UploadConfig, request: UploadRequest, track = true) => {
      const p = recorder()
      const r = await upload(config, track ? { ...request, onUploadProgress: p.onProgress } : request)()
      if (track) progress[name] = p.record()
      cases[name] = stable(r, input.uploadBaseUrl)
    }
    const [authA, authB] = input.clientAuth
    const common = { useUniqueFileName: false, folder: 'runtimes' } as const
    await send('upload server-side Uint8Array', server, {
      file: bytes(200_000),
      fileName: 'bytes.bin',
      tags: ['a', 'b'],
      ...common,
    })
    await send('upload server-side Blob', server, {
      file: new Blob([bytes(70_000)], { type: 'image/png' }),
      fileName: 'blob image.png',
      description: 'é ✓',
      ...common,
    })
    await send('upload server-side ReadableStream', server, {
      file: new Blob([bytes(50_000)]).stream(),
      fileName: 'stream.bin',
      ...common,
    })
    await send('upload server-side base64 string', server, { file: 'aGVsbG8=', fileName: 'h.txt', ...common })
    await send('upload client-side Uint8Array', client, {
      file: bytes(30_000),
      fileName: 'client.bin',
      publicKey: input.publicKey,
      ...authA,
      ...common,
    })
    await send('upload client-side Blob', client, {
      file: new Blob(['hello from the client']),
      fileName: 'client.txt',
      publicKey: input.publicKey,
      ...authB,
      ...common,
    })
    await send(
      'upload 401 HttpError (wrong private key)',
      { ...server, privateKey: 'wrong' },
      {
        file: bytes(10),
        fileName: 'x.bin',
      },
    )
    const before = new AbortController()
    before.abort()
    await send(
      'upload aborted before sending',
      server,
      { file: bytes(10), fileName: 'x.bin', signal: before.signal },
      false,
    )
    if (input.skipStreamAbort === true) cases['upload aborted while sending'] = STREAM_ABORT_SKIPPED
    else {
      // Aborted while the body is being read: the file stream aborts on its second pull and never ends.
      const during = new AbortController()
      let pulls = 0
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls++
          if (pulls === 1) {
            controller.enqueue(bytes(1024))
            return undefined
          }
          during.abort()
          return new Promise<void>(() => undefined)
        },
      })
      await send(
        'upload aborted while sending',
        server,
        { file: endless, fileName: 'x.bin', signal: during.signal },
        false,
      )
    }

    // An abort or a timeout must stop the bytes on the wire: large Blob bodies to the counting server,
    // which holds each body until the run is over; the test then has it read on and count the bodies it received
    // whole (none).
    const counting = `${input.countingUrl}/${input.runId}`
    const large = () => new Blob([new Uint8Array(LARGE_BODY)])
    const abortBase = `${counting}-abort`
    const abortLarge = new AbortController()
    const aborting = upload(
      { privateKey: input.privateKey, uploadBaseUrl: abortBase, timeout: 10_000 },
      { file: large(), fileName: 'large.bin', signal: abortLarge.signal },
    )()
    await underWay(abortBase)
    abortLarge.abort()
    cases['upload aborted while its large Blob body is under way'] = stable(
      await aborting,
      counting,
      '<counting>',
    )
    const timedOut = await upload(
      {
        privateKey: input.privateKey,
        uploadBaseUrl: `${counting}-timeout`,
        timeout: input.uploadTimeoutMs,
        retry: { limit: 1, maxDelay: 0 },
        retryUploads: true,
      },
      { file: large(), fileName: 'large.bin' },
    )()
    cases['upload timed out in a large Blob body, retried once'] = stable(timedOut, counting, '<counting>')

    // The shared transport (media calls use it): a GET the stand-in answers 404 (a path it does not know),
    // without and with the private key.
    const api = { apiBaseUrl: input.uploadBaseUrl, timeout: 10_000 }
    const get = { method: 'GET', base: 'api', path: '/v1/no-such-route', codec: t.UnknownRecord } as const
    cases['utils/http request without auth'] = stable(
      await request(api, { ...get, auth: 'none' })(),
      input.uploadBaseUrl,
    )
    cases['utils/http request with the private key'] = stable(
      await request({ ...api, privateKey: input.privateKey }, { ...get, auth: 'basic' })(),
      input.uploadBaseUrl,
    )
  } finally {
    spy.restore()
  }
  const p = (globalThis as { process?: { getBuiltinModule?: unknown } }).process
  return {
    info: {
      typeofProcess: typeof p,
      getBuiltinModule: typeof p?.getBuiltinModule === 'function',
      nodeCryptoRequests: spy.requests(),
      hmacPath: spy.gotCrypto() ? 'node:crypto' : '@noble/hashes',
      requestStreams: requestStreams(),
      streamBodyAccepted: await streamBodyAccepted(input.uploadBaseUrl),
    },
    cases,
    progress,
  }
}
