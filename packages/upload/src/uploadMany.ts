import type { either, taskEither } from 'fp-ts'
import { networkError, validationError, type ValidationError } from '@imagekit-fp/utils'
import {
  attempt,
  createRateGate,
  gateFetch,
  isRateLimited,
  isObject,
  left,
  readNow,
  readProp,
  right,
  runBulk,
  signal as checkSignal,
  type BulkCallOptions,
  type BulkOutcome,
  type BulkProgress,
  type BulkReport,
} from '@imagekit-fp/internal'
import { checkOptions, freshAuth, isIterable, refOf, sizeOf, type ManyOptions } from './internal/many'
import { prepareUpload } from './internal/validate'
import { upload, type NoExtraKeys, type UploadConfig, type UploadError } from './upload'
import type { ServerUploadRequest, UploadRequest, UploadRequestFor } from './model/UploadRequest'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'

/**
 * The fields ImageKit needs for one client-side upload, as your server makes them with `getAuthenticationParameters`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadManyAuth {
  readonly token: string
  readonly signature: string
  readonly expire: number
  /** Falls back to the request's `publicKey`, then to `config.publicKey`. */
  readonly publicKey?: string
}

/**
 * What a report keeps of each request: its name and folder (never the request: it holds the file's bytes).
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadManyRef {
  readonly fileName: string
  readonly folder?: string
}

/**
 * One request's end, told to `onItem` as it settles: `Done` with the upload's result or `Failed` with its error,
 * and `index`, the request's position in the input (from 0).
 *
 * @since 0.1.0
 * @category model
 */
export type UploadManyOutcome = BulkOutcome<UploadManyRef, UploadResult | UploadAccepted, UploadError>

/**
 * Where an {@link uploadMany} stands: files `done`, `failed` and `inFlight`; `bytesDone`; `bytesTotal` once the
 * input has ended and every file's size was known; `elapsedMs`; `etaMs` once it can be estimated; and whether the
 * workers are `waitingForRateLimit`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadManyProgress = BulkProgress

/**
 * The result of {@link uploadMany}: every request read appears once, in `done` (with its result) or in `failed`
 * (with its error); `total` requests were read; `aborted` after `options.signal` aborted (the requests not yet read
 * were not taken and are not in it).
 *
 * @since 0.1.0
 * @category model
 */
export type UploadManyReport = BulkReport<UploadManyRef, UploadResult | UploadAccepted, UploadError>

/**
 * A request of {@link uploadMany}: as `upload`'s for this config, or without client-side auth fields when
 * `options.auth` provides them.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadManyRequest<C> = UploadRequestFor<C> | ServerUploadRequest

/**
 * Options of {@link uploadMany}; each is checked before any request is read.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadManyOptions extends BulkCallOptions<UploadManyProgress, UploadManyOutcome> {
  /**
   * Client-side uploads (no `config.privateKey`): called once per request, just before it is sent, for fresh auth
   * fields from your server (a TaskEither of them works too). A throw, a rejection or a Left fails that request only.
   * It gets the request's signal: an abort ends the wait for it (the request fails with a `NetworkError` `Aborted`).
   */
  readonly auth?: (signal: AbortSignal) => Promise<either.Either<unknown, UploadManyAuth> | UploadManyAuth>
}

type Options = ManyOptions<UploadManyProgress, UploadManyOutcome>
type Result = either.Either<UploadError, UploadResult | UploadAccepted>

/** A file that is never fetched: the config check below sends nothing. */
const CHECK_FILE = 'https://example.invalid/check.jpg'

/**
 * The config, checked once by `upload` itself (its request checks, then the transport's) on a request that is
 * already aborted, so nothing is sent: a bad config is one Left before any request is read, not one per file.
 */
const checkConfig = async (config: unknown, auth: boolean): Promise<ValidationError | undefined> => {
  if (!isObject(config)) return validationError('config', 'must be an object')
  const key = readProp(config, 'privateKey')?.value !== undefined
  if (key && auth) return validationError('options.auth', 'use config.privateKey or options.auth, not both')
  let client = {}
  if (!key) {
    // Client-side auth fields that pass their checks, so that only the config's own problems show.
    const now = attempt(() => readNow(config), 'config.now', validationError)
    if (now._tag === 'Left') return now.left
    client = {
      token: 'check',
      signature: 'check',
      expire: Math.floor(now.right / 1000) + 60,
      ...(readProp(config, 'publicKey')?.value === undefined ? { publicKey: 'check' } : {}),
    }
  }
  const check = { file: CHECK_FILE, fileName: 'check.jpg', signal: AbortSignal.abort(), ...client }
  const checked = await upload(config as UploadConfig, check as UploadRequest)()
  return checked._tag === 'Left' && checked.left._tag === 'ValidationError' ? checked.left : undefined
}

/** A signal that aborts when either does, and how to stop listening (a user's signal may outlive a million files). */
const both = (a: AbortSignal, b: AbortSignal) => {
  const c = new AbortController()
  const onA = () => c.abort(a.reason)
  const onB = () => c.abort(b.reason)
  if (a.aborted) onA()
  else if (b.aborted) onB()
  a.addEventListener('abort', onA)
  b.addEventListener('abort', onB)
  return {
    signal: c.signal,
    stop: () => {
      a.removeEventListener('abort', onA)
      b.removeEventListener('abort', onB)
    },
  }
}

/** Uploads one request with the call's signal (and the request's own) and, client-side, fresh auth fields. */
const uploadOne =
  (config: UploadConfig, options: Options) =>
  async (request: unknown, stop: AbortSignal): Promise<Result> => {
    if (!isObject(request)) return upload(config, request as UploadRequest)()
    let req: Record<string, unknown>
    try {
      req = { ...request }
    } catch {
      return left(validationError('request', 'could not be read'))
    }
    const own = req['signal']
    const checked = attempt(
      () => own === undefined || checkSignal(own, 'request.signal'),
      'request',
      validationError,
    )
    if (checked._tag === 'Left') return checked
    const signal =
      own === undefined ? { signal: stop, stop: () => undefined } : both(stop, own as AbortSignal)
    try {
      if (options.auth !== undefined) {
        // Checked first without auth, so that a request that cannot be sent asks your server for nothing.
        const valid = prepareUpload(config, req, () => () => undefined)
        if (valid._tag === 'Left') return valid
        const fresh = await freshAuth(options.auth, signal.signal)
        if (fresh._tag === 'Left') return fresh
        req = { ...req, ...fresh.right }
      }
      return await upload(config, { ...req, signal: signal.signal } as UploadRequest)()
    } finally {
      signal.stop()
    }
  }

/** Runs the checked call: the config's fetch behind the gate, each request through `uploadOne`. */
const run = (
  config: UploadConfig,
  requests: Iterable<unknown> | AsyncIterable<unknown>,
  options: Options,
) => {
  const clock = typeof config.now === 'function' ? config.now : Date.now
  const now = () => clock()
  const fetch =
    typeof config.fetch === 'function'
      ? config.fetch
      : (i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init)
  // The gate reads the config's clock, as gateFetch does: a 429's reopening time is on that clock.
  const gate = options.gate ?? createRateGate({ now })
  const gated: UploadConfig = { ...config, fetch: gateFetch(gate, fetch, now) }
  return runBulk(requests, uploadOne(gated, options), {
    ref: refOf,
    concurrency: options.concurrency,
    gate,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.onItem === undefined ? {} : { onItem: options.onItem }),
    keep: options.keep,
    sizeOf,
    isRateLimited,
    maxRateLimitRounds: options.maxRateLimitRounds,
    now,
    thrown: (cause, item) =>
      item === undefined
        ? {
            ref: { fileName: '' },
            error: validationError('requests', 'could not be read (reading the next request threw)'),
          }
        : { ref: refOf(item), error: networkError('Transport', 'the upload failed unexpectedly', cause) },
  })
}

/**
 * Uploads many files with `upload`, a few at a time, and reports on every one. `requests` is read lazily (an
 * array, a generator, an async generator: a million requests never sit in memory), at most `concurrency` ahead.
 * All workers share one rate-limit gate: a 429 pauses every one of them until ImageKit's window reopens
 * (`Retry-After`, `X-RateLimit-Reset`), and a request whose final reply was a 429 is sent again once it does.
 * Other failures keep `upload`'s rules (`config.retry`, `config.retryUploads`): never a second send after a 2xx.
 *
 * @param config - as `upload`'s: server-side with `privateKey`, or client-side without it (then each request
 *   carries its auth fields, or `options.auth` provides fresh ones per request).
 * @param requests - an Iterable or AsyncIterable of `upload` requests; each is checked before it is sent.
 * @param options - `concurrency`, `gate`, `signal`, `onProgress`, `onItem`, `keep`, `maxRateLimitRounds`, `auth`.
 * @returns a TaskEither that never rejects. Its `Left` is a `ValidationError` for a bad config, `requests` or
 *   option (`options.concurrency`), found before any request is read. Its `Right` is the report: each request read
 *   is once in `done` (the `UploadResult` or `UploadAccepted`) or in `failed` (its `UploadError`: a request that
 *   is not valid fails with its `ValidationError` and the others go on).
 * @example
 * import { uploadMany } from '@imagekit-fp/upload'
 *
 * // A stand-in for ImageKit that stores every file (use your real config instead).
 * let n = 0
 * const fetch = async () => new Response(JSON.stringify({ fileId: `file${++n}`, name: 'x.txt' }))
 * function* requests() {
 *   for (let i = 0; i < 10; i++) yield { file: new Uint8Array([i]), fileName: `${i}.txt` }
 * }
 * const result = await uploadMany({ privateKey: 'private_xxx', fetch }, requests(), { concurrency: 3 })()
 * if (result._tag === 'Right') console.log(result.right.total, result.right.done.length, result.right.failed.length)
 * // 10, 10, 0
 * @since 0.1.0
 * @category upload
 */
export const uploadMany =
  <C extends UploadConfig>(
    config: C & NoExtraKeys<C, UploadConfig>,
    requests: Iterable<UploadManyRequest<C>> | AsyncIterable<UploadManyRequest<C>>,
    options?: UploadManyOptions,
  ): taskEither.TaskEither<ValidationError, UploadManyReport> =>
  async () => {
    try {
      const checked = checkOptions<UploadManyProgress, UploadManyOutcome>(options)
      if (checked._tag === 'Left') return checked
      if (!isIterable(requests))
        return left(validationError('requests', 'must be an Iterable or AsyncIterable of upload requests'))
      const bad = await checkConfig(config, checked.right.auth !== undefined)
      if (bad !== undefined) return left(bad)
      return right((await run(config, requests, checked.right)) as UploadManyReport)
    } catch {
      return left(validationError('options', 'could not be read'))
    }
  }
