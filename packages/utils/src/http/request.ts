// The transport: `makePlan` checks config and request, then ky runs the call: it builds the Request, adds the
// Authorization header in its `beforeRequest` hook, retries with its own policy (internal/retryPolicy.ts),
// waits between attempts on the call's signal and throws its HTTPError / TimeoutError, which its guards map
// to our errors. Ours, each for a ky limitation named where it is:
// - the fetch step (`attempt`) attaches the body (ky clones and tees a body it is given, internal/body.ts);
// - one timer per attempt covers sending, the reply headers AND the reply body (ky's `timeout` ends when the
//   headers arrive) and aborts the very Request on the wire (ky aborts a Request it built, whose abort undici
//   loses once that Request is collected: undici #4068, #3644; an upload reported as Aborted then completed),
//   which is held until its fetch settles (`holding`: WebKit loses the abort of a collected Request too);
// - the reply body is read within bounds (internal/response.ts), before ky sees a body-less copy of the reply.
// Errors leave through `redact`, so the private key never appears in them.
import ky, { isHTTPError, isTimeoutError, TimeoutError } from 'ky'
import type { either, taskEither } from 'fp-ts'
import type { Decoder, ValidationError as IoValidationError } from 'io-ts'
import { INVALID, findingErrors, isLax, readAll, type Drift, type LaxType } from '../codec/lax'
import { decodeError, networkError, type DecodeError, type NetworkError } from '../errors'
import { left, right } from '@imagekit-fp/internal'
import { sendWithBody, type MakeRequest } from './internal/body'
import { formatErrors } from './internal/formatErrors'
import { makePlan, type Plan } from './internal/plan'
import { redact, scrubErrors, scrubText } from './internal/redact'
import { cut, describe, headerRecord, readBounded, toHttpError } from './internal/response'
import { kyRetry, notSent, retryAfterHint } from './internal/retryPolicy'
import type { HttpRequest, HttpResponse, RequestError, TransportConfig } from './types'

type Result<A> = either.Either<RequestError, A>

/** The most of an error body that is read (it only feeds `HttpError.body` and the message). */
const MAX_ERROR_BYTES = 65_536
/** The most of a URL an error shows (in `HttpError.url` and in messages), cut with `…`: no error is megabytes long. */
const MAX_URL_SHOWN = 2048

const REDIRECTS: readonly number[] = [301, 302, 303, 307, 308]

/** Does this platform's Request accept `redirect: 'error'`? (workerd's does not.) Checked per call. */
const redirectErrorSupported = (): boolean => {
  try {
    return new Request('https://a.invalid', { redirect: 'error' }).redirect === 'error'
  } catch {
    return false
  }
}

/** How a 2xx body is read: strictly or not, who hears of drift, and what to tell them. */
interface Reading {
  readonly strict: boolean
  readonly onDrift: ((drift: Drift) => void) | undefined
  readonly operation: string
  readonly requestId: string | undefined
}

/**
 * A body read by one of our lax codecs: a Left when an identity or discriminant is unusable (or, strictly, on
 * any drift); otherwise the typed value, each drift told to `onDrift` (whose errors are ignored).
 */
const readLax = <A>(
  codec: LaxType<A, unknown>,
  data: unknown,
  what: string,
  secrets: readonly string[],
  { strict, onDrift, operation, requestId }: Reading,
): Result<A> => {
  const { value, findings } = readAll(codec, data)
  if (value === INVALID || (strict && findings.length > 0)) {
    const shown = value === INVALID ? findings.filter((f) => f.kind === 'invalid') : findings
    const errors = findingErrors(shown, [{ key: '', type: codec, actual: data }])
    const mode = value === INVALID ? '' : ' (strictResponses)'
    return left(
      decodeError(
        errors,
        `the response to ${what} does not match ${codec.name}${mode}: ${formatErrors(scrubErrors(errors, secrets))}`,
        data,
      ),
    )
  }
  for (const f of findings) {
    const drift = { operation, path: f.path, kind: f.kind, expected: f.expected, got: f.got }
    try {
      onDrift?.((requestId === undefined ? drift : { ...drift, requestId }) as Drift)
    } catch {
      // A listener's failure is not the call's.
    }
  }
  return right(value)
}

/** A 2xx body: JSON (a 204 or blank body is `{}`) that the codec accepts, else a DecodeError. */
const decodeBody = <A>(
  codec: Decoder<unknown, A>,
  what: string,
  status: number,
  text: string,
  secrets: readonly string[],
  reading: Reading,
): Result<A> => {
  const fail = (value: unknown, message: string, summary: string) =>
    left(decodeError([{ value, context: [{ key: '', type: codec, actual: value }], message }], summary))
  let data: unknown = {}
  if (status !== 204 && text.trim() !== '') {
    try {
      data = JSON.parse(text)
    } catch (e) {
      const reason = (e as SyntaxError).message
      return fail(
        cut(scrubText(text, secrets), 200),
        `not valid JSON (${reason})`,
        `the response to ${what} is not valid JSON: ${reason}`,
      )
    }
  }
  if (isLax(codec)) return readLax(codec as LaxType<A, unknown>, data, what, secrets, reading)
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
      // Redacted before formatErrors cuts each value to 60 characters.
      `the response to ${what} does not match ${name}: ${formatErrors(scrubErrors(decoded.left, secrets))}`,
    ),
  )
}

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts (so that a fetch or a body that
 * ignores the signal cannot make the caller wait forever; the abort itself has reached the wire already).
 */
const race = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    // No removeEventListener: `signal` belongs to one attempt and is dropped with it.
    const stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    signal.addEventListener('abort', stop)
    promise.then(resolve, reject)
  })

/**
 * `send` (called without a receiver, as a bare `window.fetch` needs), holding each Request until its fetch
 * settles: undici (#4068, #3644) and WebKit lose the abort of a Request that is garbage-collected while its
 * fetch runs, and the upload then goes on to the end although it was reported as Aborted or Timeout. The hold
 * is a reaction on the fetch's own promise, which the platform keeps while the fetch runs and which a bundler
 * cannot drop as unused (rollup's tree-shaking removed a write-only list of the Requests from the build).
 */
const holding =
  (send: typeof fetch) =>
  (request: Request): Promise<Response> => {
    const sent = Promise.resolve(send(request))
    sent.then(
      () => request,
      () => request,
    )
    return sent
  }

/** What one attempt read: the status, headers and (bounded) text of the reply. */
interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

const run = async <A>(plan: Plan<A>): Promise<Result<HttpResponse<A>>> => {
  const {
    method,
    url: fullUrl,
    headers,
    authorization,
    body,
    timeout,
    retryLimit,
    retriable,
    maxDelay,
    maxBytes,
  } = plan
  const { fetch, now, signal: caller, onUploadProgress, codec, statusCodecs, secrets } = plan
  const { strict, onDrift } = plan
  const url = cut(fullUrl, MAX_URL_SHOWN)
  const what = `${method} ${url}`
  const aborted = (e: unknown): NetworkError => networkError('Aborted', `${what} was aborted`, e)
  // Never follow a redirect with the private key attached (even a same-origin https → http one), nor with a
  // body: Node's fetch tees a body it may have to replay on a redirect, and the unread branch keeps every byte
  // sent (a 1 GiB client-side upload grew RSS by 1 GB; undici issue #4058). workerd refuses `redirect:
  // 'error'`: there a redirect comes back as it is and is refused in `attempt`. A refused redirect is final.
  const noFollow = authorization !== undefined || body !== undefined
  const redirect: RequestRedirect | undefined = noFollow
    ? redirectErrorSupported()
      ? 'error'
      : 'manual'
    : undefined
  const refused = (detail: string, e: unknown) =>
    networkError('Transport', `${what} failed: ${detail}: the request carries credentials or a body`, e)

  // The call's own signal, made here (Vercel Edge refuses foreign signals in Request): it follows the caller's,
  // ends ky's waits between attempts, and aborts each attempt.
  const call = new AbortController()
  const onAbort = () => call.abort(caller?.reason)
  /** The last reply read (ky only sees a body-less copy of it). */
  let reply: Reply | undefined
  /** A failure decided in the fetch step that no retry can change (a refused redirect, an oversized body). */
  let final: RequestError | undefined
  /** An attempt may have reached the server, and its reply was lost (a timeout, a broken connection). */
  let lost = false

  /** ky's `fetch`: one attempt, from sending the body to reading the reply, within one timer. */
  const attempt = async (input: RequestInfo | URL): Promise<Response> => {
    const built = input as Request
    const controller = new AbortController()
    const signal = controller.signal
    const stop = () => controller.abort(call.signal.reason)
    call.signal.addEventListener('abort', stop)
    if (call.signal.aborted) stop()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new TimeoutError(built))
    }, timeout)
    // Every Request of this attempt is built from the URL with this attempt's signal.
    const make: MakeRequest = (b, h = built.headers) => {
      const init = { method: built.method, headers: h, signal, ...(redirect && { redirect }) }
      return new Request(
        built.url,
        b === undefined ? init : ({ ...init, body: b, duplex: 'half' } as RequestInit),
      )
    }
    try {
      const res = await race(
        sendWithBody(holding(fetch ?? globalThis.fetch), make, body, onUploadProgress, signal),
        signal,
      )
      // An injected fetch may resolve to anything.
      const status = (res as { status?: unknown } | null)?.status
      if (typeof status !== 'number' || !Number.isInteger(status) || typeof res.headers?.get !== 'function')
        throw new TypeError('invalid response')
      if (noFollow && (res.type === 'opaqueredirect' || REDIRECTS.includes(status))) {
        res.body?.cancel().catch(() => undefined)
        final = refused(`redirect (HTTP ${status}) not followed`, undefined)
        throw new TypeError('redirect refused')
      }
      const ok = status >= 200 && status < 300
      const [text, over] = await race(readBounded(res, ok ? maxBytes : MAX_ERROR_BYTES), signal).catch(
        (e: unknown) => {
          // The status is what matters; an unreadable error body leaves `body` empty.
          if (ok) throw e
          return ['', false] as const
        },
      )
      if (ok && over) {
        final = decodeError(
          [
            {
              value: cut(scrubText(text, secrets), 200),
              context: [{ key: '', type: codec, actual: undefined }],
              message: `larger than ${maxBytes} bytes`,
            },
          ],
          `the response to ${what} is larger than ${maxBytes} bytes, the most the transport reads (config.maxResponseBytes)`,
        )
        throw new TypeError('body too large')
      }
      reply = { status, headers: res.headers, text }
      const wait = ok ? undefined : retryAfterHint(res.headers, now(), maxDelay)
      return new Response(null, { status, headers: wait === undefined ? {} : { 'retry-after': wait } })
    } catch (e) {
      if (!call.signal.aborted && final === undefined) lost ||= timedOut || !notSent(e)
      if (timedOut) throw new TimeoutError(built)
      // Node's fetch rejects a redirect under `redirect: 'error'` ("fetch failed (unexpected redirect)").
      if (final === undefined && noFollow && /redirect/i.test(describe(e)))
        final = refused(`${describe(e)}; a redirect is not followed`, e)
      throw e
    } finally {
      clearTimeout(timer)
      call.signal.removeEventListener('abort', stop)
    }
  }

  try {
    // In the try: a signal that passed the plan's check may still throw here (its error is redacted below).
    if (caller?.aborted) return left(redact(aborted(caller.reason), secrets))
    caller?.addEventListener('abort', onAbort)
    await ky(fullUrl, {
      method,
      headers,
      signal: call.signal,
      // The per-attempt timer in `attempt` (ky's `timeout` stops at the headers and aborts only its own Request).
      timeout: false,
      throwHttpErrors: true,
      // 'unsent': only a 429 or a connection that never opened; never what the server may have acted on.
      retry: kyRetry(retryLimit, maxDelay, method, retriable, ({ error }) =>
        final !== undefined ||
        call.signal.aborted ||
        (retriable === 'unsent' && !(isHTTPError(error) ? error.response.status === 429 : notSent(error)))
          ? false
          : undefined,
      ),
      hooks: {
        beforeRequest: [
          (request) => {
            if (authorization !== undefined) request.headers.set('authorization', authorization)
          },
        ],
      },
      fetch: attempt,
    })
    if (reply === undefined) throw new TypeError('no reply')
    const decoded = decodeBody(statusCodecs[reply.status] ?? codec, what, reply.status, reply.text, secrets, {
      strict,
      onDrift,
      operation: `${method} ${new URL(fullUrl).pathname}`,
      requestId: reply.headers.get('x-request-id') ?? undefined,
    })
    if (decoded._tag === 'Left') return left(redact(decoded.left, secrets))
    return right({ status: reply.status, headers: headerRecord(reply.headers), body: decoded.right })
  } catch (e) {
    const error: RequestError = call.signal.aborted
      ? aborted(e)
      : final !== undefined
        ? final
        : isTimeoutError(e)
          ? // The cause without the ky Request (it carries the Authorization header).
            networkError('Timeout', `${what} timed out after ${timeout} ms`, {
              name: e.name,
              message: e.message,
            })
          : isHTTPError(e) && reply !== undefined
            ? Object.assign(
                toHttpError(reply.status, reply.headers, reply.text, url, secrets),
                lost && { afterLostReply: true },
              )
            : networkError('Transport', `${what} failed: ${describe(e)}`, e)
    return left(redact(error, secrets))
  } finally {
    try {
      caller?.removeEventListener('abort', onAbort)
    } catch {
      // the call has ended either way
    }
  }
}

/**
 * Whether `e` is the `DecodeError` of a 2xx reply longer than `config.maxResponseBytes`: no retry changes it,
 * asking for less does (`listAllFiles` asks for smaller pages).
 *
 * @param e - any error value.
 * @returns `true` for that DecodeError only.
 * @example
 * import { isResponseTooLarge } from '@imagekit-fp/utils/http'
 *
 * isResponseTooLarge({ _tag: 'DecodeError', errors: [], message: 'x' }) // false
 * @since 0.1.0
 * @category errors
 */
export const isResponseTooLarge = (e: unknown): e is DecodeError =>
  (e as DecodeError | undefined)?._tag === 'DecodeError' &&
  /^larger than \d+ bytes$/.test(String((e as DecodeError).errors[0]?.message))

/**
 * Sends one ImageKit API request with ky and decodes the 2xx body with the request's codec; every failure
 * is a value.
 *
 * Retries idempotent requests (GET, HEAD, PUT, DELETE; POST/PATCH only with `idempotent: true`) on
 * connection errors, timeouts, 408, 429 and 5xx, with exponential backoff and jitter, honouring
 * `Retry-After` and `retry-after-ms`; `idempotent: 'unsent'` only on a 429 and a connection that never opened.
 * An HttpError that follows an attempt whose reply was lost carries `afterLostReply: true`. The timeout applies to each attempt, body included. A redirect is not
 * followed when the request carries the private key or a body, and is not retried.
 *
 * @param config - base URLs, private key, timeout, retry policy, injected `fetch`.
 * @param req - the request as data: method, base, path, search parameters, body, auth, codec.
 * @returns a TaskEither that never rejects: `Right` with the status, the headers and the decoded body of a
 *   2xx reply; `ValidationError` (bad config or request, nothing sent), `HttpError` (non-2xx reply),
 *   `NetworkError` (`Timeout`, `Transport`, `Aborted`) or `DecodeError` (2xx body that is not JSON, is larger
 *   than `config.maxResponseBytes`, or does not match the codec).
 * @example
 * import * as t from 'io-ts'
 * import { request } from '@imagekit-fp/utils/http'
 *
 * const usage = request(
 *   { privateKey: 'private_xxx' },
 *   { method: 'GET', base: 'api', path: '/v1/accounts/usage', searchParams: { startDate: '2024-01-01', endDate: '2024-01-31' },
 *     auth: 'basic', codec: t.type({ bandwidthBytes: t.number }) },
 * )
 * const result = await usage() // { _tag: 'Right', right: { status: 200, headers: {…}, body: { bandwidthBytes: … } } } or a Left
 * @since 0.1.0
 * @category constructors
 */
export const request =
  <A>(config: TransportConfig, req: HttpRequest<A>): taskEither.TaskEither<RequestError, HttpResponse<A>> =>
  async () => {
    let secrets: readonly string[] | undefined
    try {
      const planned = makePlan(config, req)
      if (planned._tag === 'Left') return planned
      secrets = planned.right.secrets
      return await run(planned.right)
    } catch (e) {
      // The last resort, redacted too (without a plan, the cause is withheld: the key is not known).
      const error = networkError('Transport', 'the request failed unexpectedly', secrets && e)
      return left(secrets ? redact(error, secrets) : error)
    }
  }
