// The transport, as a pipeline of steps:
// - plan (internal/plan.ts): the config and the request checked into a `Plan`, before any byte leaves;
// - retry (here and internal/retryPolicy.ts): ky runs the call: it builds the Request with its headers (the
//   Authorization header among them), retries with backoff and `Retry-After`, waits between attempts on the
//   call's signal and throws its HTTPError;
// - attempt (internal/attempt.ts): ky's `fetch`, within one timer; it sends the body itself (body.ts says why);
// - read (internal/response.ts): the reply checked and its body read within bounds;
// - decode (internal/decode.ts): a 2xx body as JSON, through the codec;
// - error (internal/failure.ts): whatever ended the call as one value, the private key removed.
import ky from 'ky'
import type { either, taskEither } from 'fp-ts'
import { networkError, type DecodeError } from '../errors'
import { left, right } from '@imagekit-fp/internal'
import type { Call, Reply } from './internal/attempt'
import { attempt } from './internal/attempt'
import { sendPlain, sendWithBody, type SendBody } from './internal/body'
import { decodeBody } from './internal/decode'
import { aborted, failure } from './internal/failure'
import { makePlan, type Plan } from './internal/plan'
import { redact } from './internal/redact'
import { cut, headerRecord } from './internal/response'
import { kyRetry, shouldRetry } from './internal/retryPolicy'
import type { HttpRequest, HttpResponse, RequestError, TransportConfig } from './types'

type Result<A> = either.Either<RequestError, A>

/** The most of a URL an error shows (in `HttpError.url` and in messages), cut with `…`: no error is megabytes long. */
const MAX_URL_SHOWN = 2048

/** Does this platform's Request accept `redirect: 'error'`? (workerd's does not.) Checked per call. */
const redirectErrorSupported = (): boolean => {
  try {
    return new Request('https://a.invalid', { redirect: 'error' }).redirect === 'error'
  } catch {
    return false
  }
}

/**
 * A new call: its own signal (made here: Vercel Edge refuses foreign signals in Request), and how it refuses a
 * redirect. Never follow one with the private key attached (even a same-origin https → http one), nor with a
 * body: Node's fetch tees a body it may have to replay on a redirect, and the unread branch keeps every byte
 * sent. workerd refuses `redirect: 'error'`: there a redirect comes back as it is and is
 * refused in the read step. A refused redirect is final.
 */
const startCall = ({ method, url, secrets, body }: Plan<unknown>, signal: AbortSignal): Call => {
  // A call has secrets exactly when it carries the key.
  const noFollow = secrets.length > 0 || body !== undefined
  const shown = cut(url, MAX_URL_SHOWN)
  return {
    what: `${method} ${shown}`,
    url: shown,
    signal,
    redirect: noFollow ? (redirectErrorSupported() ? 'error' : 'manual') : undefined,
  }
}

/** The retry step: ky runs the attempts, and resolves once one of them read a 2xx reply. */
const retry = (plan: Plan<unknown>, call: Call, sendBody: SendBody): Promise<unknown> => {
  const { method, url, headers, retryLimit, maxDelay, retriable } = plan
  return ky(url, {
    method,
    headers,
    signal: call.signal,
    // The attempt step's own timer (internal/attempt.ts says why).
    timeout: false,
    retry: kyRetry(retryLimit, maxDelay, method, retriable, shouldRetry(call, retriable)),
    fetch: attempt(plan, call, sendBody),
  })
}

/** The decode step, for the last reply read: the status, the headers and the decoded body. */
const decode = <A>(plan: Plan<A>, call: Call): Result<HttpResponse<A>> => {
  // ky resolves only after the attempt step has read a reply.
  const reply = call.reply as Reply
  const decoded = decodeBody(plan.statusCodecs[reply.status] ?? plan.codec, reply, {
    ...plan,
    what: call.what,
  })
  if (decoded._tag === 'Left') return decoded // redacted by the decode step
  return right({ status: reply.status, headers: headerRecord(reply.headers), body: decoded.right })
}

/** One call: ky's attempts on the call's own signal, which follows the caller's; then decode, or the error. */
const run = async <A>(plan: Plan<A>, sendBody: SendBody): Promise<Result<HttpResponse<A>>> => {
  const caller = plan.signal
  const controller = new AbortController()
  const call = startCall(plan as Plan<unknown>, controller.signal)
  const onAbort = () => controller.abort(caller?.reason)
  try {
    // In the try: a signal that passed the plan's check may still throw here (its error is redacted below).
    if (caller?.aborted) return left(redact(aborted(call, caller.reason), plan.secrets))
    caller?.addEventListener('abort', onAbort)
    await retry(plan as Plan<unknown>, call, sendBody)
    return decode(plan, call)
  } catch (e) {
    return left(failure(plan as Plan<unknown>, call, e))
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
 * @returns `true` for that DecodeError only (tagged `reason: 'ResponseTooLarge'` by the transport).
 * @example
 * import { isResponseTooLarge } from '@imagekit-fp/utils/http'
 *
 * isResponseTooLarge({ _tag: 'DecodeError', errors: [], message: 'x' }) // false
 * @since 0.1.0
 * @category errors
 */
export const isResponseTooLarge = (e: unknown): e is DecodeError =>
  (e as DecodeError | undefined)?._tag === 'DecodeError' && (e as DecodeError).reason === 'ResponseTooLarge'

/** The transport, with the way its attempts send a body (upload's streams and progress, or a plain body). */
const transport =
  (sendBody: SendBody) =>
  <A>(config: TransportConfig, req: HttpRequest<A>): taskEither.TaskEither<RequestError, HttpResponse<A>> =>
  async () => {
    let secrets: readonly string[] | undefined
    try {
      const planned = makePlan(config, req)
      if (planned._tag === 'Left') return planned
      secrets = planned.right.secrets
      return await run(planned.right, sendBody)
    } catch (e) {
      // The last resort, redacted too (without a plan, the cause is withheld: the key is not known).
      const error = networkError('Transport', 'the request failed unexpectedly', secrets && e)
      return left(secrets ? redact(error, secrets) : error)
    }
  }

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
export const request = /*#__PURE__*/ transport(sendWithBody)

/**
 * {@link request} for JSON and text bodies: the same checks, retries, timeout, errors and decoding, with the body
 * sent as it is (no upload progress, no stream handling), so that a bundle that never uploads a file carries none
 * of that code. The media operations use it.
 *
 * @param config - as {@link request}'s.
 * @param req - as {@link request}'s, without `onUploadProgress`; a `body`, if any, is a string, bytes, a Blob or
 *   FormData.
 * @returns as {@link request}.
 * @example
 * import * as t from 'io-ts'
 * import { requestJson } from '@imagekit-fp/utils/http'
 *
 * const purge = requestJson(
 *   { privateKey: 'private_xxx' },
 *   { method: 'POST', base: 'api', path: '/v1/files/purge', json: { url: 'https://ik.imagekit.io/demo/a.jpg' },
 *     auth: 'basic', codec: t.type({ requestId: t.string }) },
 * )
 * const result = await purge() // { _tag: 'Right', right: { status: 201, headers: {…}, body: { requestId: … } } } or a Left
 * @since 0.1.0
 * @category constructors
 */
export const requestJson: <A>(
  config: TransportConfig,
  req: Omit<HttpRequest<A>, 'onUploadProgress'>,
) => taskEither.TaskEither<RequestError, HttpResponse<A>> = /*#__PURE__*/ transport(sendPlain)
