// The transport: `makePlan` checks config and request, then each attempt goes through ky with the body
// attached in the fetch step (internal/body.ts). ky's own retry and timeout are off: the loop below retries
// (honouring Retry-After / retry-after-ms with the injected clock) and one timer per attempt covers the reply
// body too. Errors leave through `redact`, so the private key never appears in them. Kept small on purpose:
// it ships in every browser bundle that uploads (see .size-limit budgets).
import ky from 'ky'
import type { either, taskEither } from 'fp-ts'
import type { Decoder, ValidationError as IoValidationError } from 'io-ts'
import { decodeError, networkError, type NetworkError } from '../errors'
import { left, right } from '../internal/either'
import { fetchWithBody } from './internal/body'
import { formatErrors } from './internal/formatErrors'
import { makePlan } from './internal/plan'
import { redact } from './internal/redact'
import { cut, describe, readBounded, toHttpError } from './internal/response'
import { isRetryableStatus, retryAfterMs, retryDelay } from './internal/retryPolicy'
import type { HttpRequest, RequestError, TransportConfig } from './types'

type Result<A> = either.Either<RequestError, A>

const REDIRECTS: readonly number[] = [301, 302, 303, 307, 308]

/** Does this platform's Request accept `redirect: 'error'`? (workerd's does not.) Checked per call. */
const redirectErrorSupported = (): boolean => {
  try {
    return new Request('https://a.invalid', { redirect: 'error' }).redirect === 'error'
  } catch {
    return false
  }
}

/** A 2xx body: JSON (a 204 or blank body is `{}`) that the codec accepts, else a DecodeError. */
const decodeBody = <A>(codec: Decoder<unknown, A>, what: string, status: number, text: string): Result<A> => {
  const fail = (value: unknown, message: string, summary: string) =>
    left(decodeError([{ value, context: [{ key: '', type: codec, actual: value }], message }], summary))
  let data: unknown = {}
  if (status !== 204 && text.trim() !== '') {
    try {
      data = JSON.parse(text)
    } catch (e) {
      const reason = (e as SyntaxError).message
      return fail(
        cut(text, 200),
        `not valid JSON (${reason})`,
        `the response to ${what} is not valid JSON: ${reason}`,
      )
    }
  }
  let decoded: either.Either<IoValidationError[], A> | undefined
  try {
    decoded = codec.decode(data)
  } catch (e) {
    return fail(
      data,
      'the codec threw',
      `the codec for ${what} threw: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  if (decoded?._tag === 'Right') return right(decoded.right)
  if (decoded?._tag !== 'Left' || !Array.isArray(decoded.left)) {
    return fail(data, 'the codec returned no Either', `the codec for ${what} returned no Either`)
  }
  const name = typeof codec.name === 'string' ? codec.name : 'its codec'
  return left(
    decodeError(
      decoded.left,
      `the response to ${what} does not match ${name}: ${formatErrors(decoded.left)}`,
    ),
  )
}

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts (so that a body that ignores the
 * signal cannot make the caller wait forever).
 */
const race = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    // No removeEventListener: `signal` belongs to one attempt and is dropped with it.
    const stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    signal.addEventListener('abort', stop)
    promise.then(resolve, reject)
  })

const run = async <A>(config: TransportConfig, req: HttpRequest<A>): Promise<Result<A>> => {
  const planned = makePlan(config, req)
  if (planned._tag === 'Left') return planned
  const {
    method,
    url,
    headers,
    body,
    timeout,
    retryLimit,
    maxDelay,
    fetch,
    now,
    signal: caller,
    onUploadProgress,
    codec,
    secrets,
  } = planned.right
  const what = `${method} ${url}`
  // Never follow a redirect with the private key attached (even a same-origin https → http one), nor with a
  // body: Node's fetch tees a body it may have to replay on a redirect, and the unread branch keeps every byte
  // sent (a 1 GiB client-side upload grew RSS by 1 GB; undici issue #4058). workerd refuses `redirect:
  // 'error'`: there a redirect comes back as it is and fails after the reply (see `attempt`).
  const noFollow = secrets.length > 0 || body !== undefined
  const redirect = noFollow ? (redirectErrorSupported() ? 'error' : 'manual') : undefined

  /** Maps anything thrown while sending or reading to a NetworkError. */
  const network = (e: unknown, timedOut = false): NetworkError =>
    caller?.aborted
      ? networkError('Aborted', `${what} was aborted`, e)
      : timedOut
        ? networkError('Timeout', `${what} timed out after ${timeout} ms`, e)
        : networkError('Transport', `${what} failed: ${describe(e)}`, e)

  /**
   * One attempt: send, read the body (within the same per-attempt timeout), and classify the outcome, with the
   * wait the server asked for (`Retry-After`, `retry-after-ms`) in ms.
   */
  const attempt = async (): Promise<readonly [Result<A>, (number | undefined)?]> => {
    // One signal for ky, fetch and the body read: aborted by the timeout or by the caller's signal.
    const controller = new AbortController()
    const signal = controller.signal
    const abort = () => controller.abort(caller?.reason)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeout)
    caller?.addEventListener('abort', abort)
    try {
      // ky's own timeout is off: the timer above covers the whole attempt, and ky's TimeoutError would carry
      // the Request (with its Authorization header). `race` ends a fetch that ignores the signal.
      const res = await race(
        ky(url, {
          method,
          headers,
          timeout: false,
          retry: 0,
          throwHttpErrors: false,
          signal,
          ...(redirect === undefined ? {} : { redirect }),
          // The body goes in at the fetch step (see internal/body.ts: ky's clone would keep a copy of it).
          fetch: fetchWithBody(fetch, body, onUploadProgress),
        }),
        signal,
      )
      // An injected fetch may resolve to anything.
      if (!Number.isInteger((res as { status?: unknown }).status)) throw new TypeError('invalid response')
      if (noFollow && (res.type === 'opaqueredirect' || REDIRECTS.includes(res.status)))
        throw new TypeError(
          `redirect (HTTP ${res.status}) not followed: the request carries credentials or a body`,
        )
      if (res.ok) return [decodeBody(codec, what, res.status, await race(res.text(), signal))]
      // The status is what matters; an unreadable error body leaves `body` empty.
      const text = await race(readBounded(res), signal).catch(() => '')
      return [left(toHttpError(res.status, res.headers, text, url)), retryAfterMs(res.headers, now())]
    } catch (e) {
      return [left(network(e, timedOut))]
    } finally {
      clearTimeout(timer)
      caller?.removeEventListener('abort', abort)
    }
  }

  for (let n = 0; ; n++) {
    const [result, hint] = caller?.aborted ? [left(network(caller.reason))] : await attempt()
    if (result._tag === 'Right') return result
    const e = result.left
    const retryable =
      e._tag === 'HttpError'
        ? isRetryableStatus(e.status)
        : e._tag === 'NetworkError' && e.reason !== 'Aborted'
    if (n >= retryLimit || !retryable) return left(redact(e, secrets))
    // Wait, or stop waiting as soon as the caller aborts (the next turn then ends with Aborted).
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        caller?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, caller?.aborted ? 0 : retryDelay(n + 1, maxDelay, hint, Math.random()))
      caller?.addEventListener('abort', done)
    })
  }
}

/**
 * Sends one ImageKit API request with ky and decodes the 2xx body with the request's codec; every failure
 * is a value.
 *
 * Retries idempotent requests (GET, HEAD, PUT, DELETE; POST/PATCH only with `idempotent: true`) on
 * connection errors, timeouts, 408, 429 and 5xx, with exponential backoff and jitter, honouring
 * `Retry-After` and `retry-after-ms`. The timeout applies to each attempt, body included.
 *
 * @param config - base URLs, private key, timeout, retry policy, injected `fetch`.
 * @param req - the request as data: method, base, path, search parameters, body, auth, codec.
 * @returns a TaskEither that never rejects: `ValidationError` (bad config or request, nothing sent),
 *   `HttpError` (non-2xx reply), `NetworkError` (`Timeout`, `Transport`, `Aborted`) or `DecodeError`
 *   (2xx body that is not JSON or does not match the codec).
 * @example
 * import * as t from 'io-ts'
 * import { request } from '@imagekit-fp/utils/http'
 *
 * const usage = request(
 *   { privateKey: 'private_xxx' },
 *   { method: 'GET', base: 'api', path: '/v1/accounts/usage', searchParams: { startDate: '2024-01-01', endDate: '2024-01-31' },
 *     auth: 'basic', codec: t.type({ bandwidthBytes: t.number }) },
 * )
 * const result = await usage() // { _tag: 'Right', right: { bandwidthBytes: … } } or a Left
 * @since 0.1.0
 * @category constructors
 */
export const request =
  <A>(config: TransportConfig, req: HttpRequest<A>): taskEither.TaskEither<RequestError, A> =>
  () =>
    run(config, req).catch((e: unknown) =>
      left(networkError('Transport', 'the request failed unexpectedly', e)),
    )
