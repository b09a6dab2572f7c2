import ky, { isHTTPError } from 'ky'
import type { either, taskEither } from 'fp-ts'
import type { ValidationError as IoValidationError } from 'io-ts'
import { decodeError, networkError } from '../errors'
import { left, right } from '../internal/either'
import { fetchWithBody } from './internal/body'
import { formatErrors } from './internal/formatErrors'
import { makePlan, type Plan } from './internal/plan'
import { redact } from './internal/redact'
import {
  MAX_ERROR_BODY_BYTES,
  readBounded,
  safeCause,
  toHttpError,
  toNetworkError,
} from './internal/response'
import { isRetryable, retryAfterMs, retryDelay } from './internal/retryPolicy'
import { anySignal, raceSignal, sleep } from './internal/signals'
import type { HttpRequest, RequestError, TransportConfig } from './types'

type Result<A> = either.Either<RequestError, A>

interface AttemptOutcome<A> {
  readonly result: Result<A>
  /** The wait the server asked for (`Retry-After`, `retry-after-ms`), in ms. */
  readonly retryAfter?: number
}

const decodeBody = <A>(plan: Plan<A>, what: string, status: number, text: string): Result<A> => {
  let data: unknown = {}
  if (status !== 204 && text.trim() !== '') {
    try {
      data = JSON.parse(text)
    } catch (e) {
      const value = text.length > 200 ? `${text.slice(0, 200)}…` : text
      const reason = e instanceof Error ? e.message : 'unparsable'
      const errors: IoValidationError[] = [
        {
          value,
          context: [{ key: '', type: plan.codec, actual: value }],
          message: `not valid JSON (${reason})`,
        },
      ]
      return left(decodeError(errors, `the response to ${what} is not valid JSON: ${reason}`))
    }
  }
  let decoded: either.Either<IoValidationError[], A>
  try {
    decoded = plan.codec.decode(data)
  } catch (e) {
    const errors: IoValidationError[] = [
      { value: data, context: [{ key: '', type: plan.codec, actual: data }], message: 'the codec threw' },
    ]
    return left(
      decodeError(errors, `the codec for ${what} threw: ${e instanceof Error ? e.message : String(e)}`),
    )
  }
  if (decoded._tag === 'Right') return right(decoded.right)
  if (decoded._tag !== 'Left' || !Array.isArray(decoded.left)) {
    const errors: IoValidationError[] = [
      {
        value: data,
        context: [{ key: '', type: plan.codec, actual: data }],
        message: 'the codec returned no Either',
      },
    ]
    return left(decodeError(errors, `the codec for ${what} returned no Either`))
  }
  const name = typeof plan.codec.name === 'string' ? plan.codec.name : 'its codec'
  return left(
    decodeError(
      decoded.left,
      `the response to ${what} does not match ${name}: ${formatErrors(decoded.left)}`,
    ),
  )
}

/** One attempt: send, read the body (within the same per-attempt timeout), and classify the outcome. */
const attempt = async <A>(plan: Plan<A>): Promise<AttemptOutcome<A>> => {
  const what = `${plan.method} ${plan.url}`
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, plan.timeout)
  const flags = () => ({ timedOut, aborted: plan.signal?.aborted === true, timeout: plan.timeout })
  try {
    const signal = plan.signal === undefined ? controller.signal : anySignal([plan.signal, controller.signal])
    let response: Response
    try {
      response = await ky(plan.url, {
        method: plan.method,
        headers: plan.headers,
        timeout: plan.timeout,
        retry: 0,
        throwHttpErrors: true,
        signal,
        // Never follow a redirect with the private key attached (even a same-origin https → http one).
        ...(plan.headers['authorization'] === undefined ? {} : { redirect: 'error' as const }),
        // The body goes in at the fetch step (see internal/body.ts: ky's clone would keep a copy of it).
        fetch: fetchWithBody(plan.fetch, plan.body, plan.onUploadProgress),
      })
    } catch (e) {
      if (!isHTTPError(e)) return { result: left(toNetworkError(e, what, flags())) }
      const failed: unknown = e.response
      const status = (failed as { status?: unknown } | null)?.status
      if (typeof status !== 'number' || !Number.isInteger(status)) {
        return { result: left(networkError('Transport', `${what} failed: invalid response`, safeCause(e))) }
      }
      const res = failed as Response
      let text = ''
      try {
        text = await raceSignal(readBounded(res, MAX_ERROR_BODY_BYTES), signal)
      } catch {
        // The status is what matters; an unreadable error body leaves `body` empty.
      }
      const hint = retryAfterMs(res.headers, plan.now())
      return {
        result: left(toHttpError(status, res.headers, text, plan.url)),
        ...(hint === undefined ? {} : { retryAfter: hint }),
      }
    }
    let text: string
    try {
      text = await raceSignal(response.text(), signal)
    } catch (e) {
      return { result: left(toNetworkError(e, what, flags())) }
    }
    return { result: decodeBody(plan, what, response.status, text) }
  } catch (e) {
    return { result: left(toNetworkError(e, what, flags())) }
  } finally {
    clearTimeout(timer)
  }
}

const run = async <A>(config: TransportConfig, req: HttpRequest<A>): Promise<Result<A>> => {
  const planned = makePlan(config, req)
  if (planned._tag === 'Left') return planned
  const plan = planned.right
  const what = `${plan.method} ${plan.url}`
  for (let n = 0; ; n++) {
    if (plan.signal?.aborted === true) {
      return left(redact(networkError('Aborted', `${what} was aborted`, plan.signal.reason), plan.secrets))
    }
    const outcome = await attempt(plan)
    const result = outcome.result
    if (result._tag === 'Right') return result
    if (n >= plan.retryLimit || !isRetryable(result.left)) return left(redact(result.left, plan.secrets))
    const wait = retryDelay(n + 1, plan.maxDelay, outcome.retryAfter, Math.random())
    if (!(await sleep(wait, plan.signal))) {
      return left(redact(networkError('Aborted', `${what} was aborted`, plan.signal?.reason), plan.secrets))
    }
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
  () => {
    try {
      return run(config, req).catch((e: unknown) =>
        left(networkError('Transport', 'the request failed unexpectedly', safeCause(e))),
      )
    } catch (e) {
      return Promise.resolve(left(networkError('Transport', 'the request failed unexpectedly', safeCause(e))))
    }
  }
