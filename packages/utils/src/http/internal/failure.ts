// The error step: whatever ended a call (ky's HTTPError or TimeoutError, a failure of fetch, the caller's
// abort, a final failure found while reading) as one value of the error union, the private key removed.
import { isHTTPError, isTimeoutError } from 'ky'
import { networkError } from '../../errors'
import type { RequestError } from '../types'
import type { Call } from './attempt'
import type { Plan } from './plan'
import { redact } from './redact'
import { describe, toHttpError } from './response'

/** The NetworkError `Aborted` of this call. */
export const aborted = ({ what }: Call, cause: unknown): RequestError =>
  networkError('Aborted', `${what} was aborted`, cause)

/** What `e`, thrown by ky or by the steps it ran, means for the caller; redacted. */
export const failure = (plan: Plan<unknown>, call: Call, e: unknown): RequestError => {
  const { what, reply, final } = call
  const error: RequestError = call.signal.aborted
    ? aborted(call, e)
    : final !== undefined
      ? final
      : isTimeoutError(e)
        ? // The cause without the ky Request (it carries the Authorization header).
          networkError('Timeout', `${what} timed out after ${plan.timeout} ms`, {
            name: e.name,
            message: e.message,
          })
        : isHTTPError(e) && reply !== undefined
          ? Object.assign(
              toHttpError(reply.status, reply.headers, reply.text, call.url, plan.secrets),
              call.lost && { afterLostReply: true },
            )
          : networkError('Transport', `${what} failed: ${describe(e)}`, e)
  return redact(error, plan.secrets)
}
