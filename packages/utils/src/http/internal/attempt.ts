// The attempt step: what ky calls as its `fetch`, once per attempt. It sends the Request (the body attached by
// internal/body.ts) and reads the reply within bounds, all within one timer; ky then sees a body-less copy of
// the reply, from which it decides on a retry.
import { TimeoutError } from 'ky'
import type { RequestError } from '../types'
import type { MakeRequest, SendBody } from './body'
import type { Plan } from './plan'
import { describe, race, readReply, refused } from './response'
import { retryAfterHint } from './retryPolicy'

/** What one attempt read: the status, headers and (bounded) text of the reply. */
export interface Reply {
  readonly ok: boolean
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/** One call as ky runs its attempts: what it learnt so far. Made per call (no module state). */
export interface Call {
  /** `METHOD url` (the URL cut for messages). */
  readonly what: string
  readonly url: string
  /** The call's own signal: it follows the caller's and ends ky's waits between attempts. */
  readonly signal: AbortSignal
  /** How a redirect is refused (a request with the key or a body), or `undefined` where one is followed. */
  readonly redirect: RequestRedirect | undefined
  /** The last reply read. */
  reply?: Reply
  /** A failure that no retry can change (a refused redirect, an oversized body). */
  final?: RequestError
  /** An attempt may have reached the server, and its reply was lost (a timeout, a broken connection). */
  lost?: boolean
}

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

/** ky's `fetch`: one attempt, from sending the body to reading the reply, within one timer. */
export const attempt =
  (plan: Plan<unknown>, call: Call, sendBody: SendBody) =>
  async (input: RequestInfo | URL): Promise<Response> => {
    const built = input as Request
    // ky's Request is never sent: the abort of a Request built from another is lost by undici (#4068, #3644).
    const controller = new AbortController()
    const { signal } = controller
    const { signal: callSignal } = call
    const stop = () => controller.abort(callSignal.reason)
    callSignal.addEventListener('abort', stop)
    if (callSignal.aborted) stop()
    // One timer per attempt, over sending, the reply headers AND the reply body, that aborts the attempt. Not ky's
    // `timeout`: that one ends the attempt whose error body stalls, and the status is lost (a 404 becomes a Timeout).
    let expired = false
    const timer = setTimeout(() => {
      expired = true
      controller.abort(new TimeoutError(built))
    }, plan.timeout)
    // Each Request is built from the URL with this attempt's signal, never from ky's.
    const { redirect } = call
    const make: MakeRequest = (b, h = built.headers) => {
      const init = { method: built.method, headers: h, signal, ...(redirect && { redirect }) }
      return new Request(
        built.url,
        b === undefined ? init : ({ ...init, body: b, duplex: 'half' } as RequestInit),
      )
    }
    try {
      const sent = sendBody(
        holding(plan.fetch ?? globalThis.fetch),
        make,
        plan.body,
        plan.onUploadProgress,
        signal,
      )
      const reply = await readReply(plan, call, await race(sent, signal), signal)
      call.reply = reply
      const wait = reply.ok ? undefined : retryAfterHint(reply.headers, plan.now(), plan.maxDelay)
      // ky reads only the status and a Retry-After computed here (ky knows no retry-after-ms, nor our clock).
      return new Response(null, {
        status: reply.status,
        headers: wait === undefined ? {} : { 'retry-after': wait },
      })
    } catch (e) {
      if (expired) throw new TimeoutError(built)
      // Node's fetch rejects a redirect under `redirect: 'error'` ("fetch failed (unexpected redirect)").
      if (!callSignal.aborted && call.final === undefined && redirect && /redirect/i.test(describe(e)))
        call.final = refused(call, `${describe(e)}; a redirect is not followed`, e)
      throw e
    } finally {
      clearTimeout(timer)
      callSignal.removeEventListener('abort', stop)
    }
  }
