// Fault injection: per operation or for any call, for the next N calls.
import type { Reply } from './reply'
import { HELP } from './reply'

/**
 * A fault to inject into the next matching calls.
 *
 * @since 0.1.0
 * @category model
 */
export interface Fault {
  /** The operation it applies to (the spec's operationId, e.g. `upload-file`, `list-and-search-assets`); any operation when absent. */
  readonly operation?: string
  /**
   * How many matching calls it applies to (`Infinity` for every one).
   * @default 1
   */
  readonly times?: number
  /** Answer with this status instead of handling the call (state is left untouched). */
  readonly status?: number
  /** With `status`: the `Retry-After` header, in seconds (a 429 also gets `X-RateLimit-*` headers). */
  readonly retryAfter?: number
  /** With `status`: the JSON body. @default `{ message, help }` naming the injected status */
  readonly body?: unknown
  /** Wait this long (milliseconds) before answering; the request's abort signal ends the wait. */
  readonly delayMs?: number
  /** Drop the connection without an answer (the `fetch` form rejects with `TypeError: fetch failed`). */
  readonly reset?: boolean
  /** Handle the call, then send only the first half of the body and end the connection. */
  readonly truncate?: boolean
}

interface Armed {
  readonly fault: Fault
  left: number
}

/** The fault list of one stand-in. */
export interface Faults {
  readonly add: (fault: Fault) => void
  /** Takes the first fault matching `operation`, counting the call against it. */
  readonly take: (operation: string) => Fault | undefined
  readonly clear: () => void
}

/** An empty fault list for one stand-in. */
export const makeFaults = (): Faults => {
  let armed: Armed[] = []
  return {
    add: (fault) => {
      armed.push({ fault, left: fault.times ?? 1 })
    },
    take: (operation) => {
      const hit = armed.find((a) => a.fault.operation === undefined || a.fault.operation === operation)
      if (hit === undefined) return undefined
      hit.left -= 1
      if (hit.left <= 0) armed = armed.filter((a) => a !== hit)
      return hit.fault
    },
    clear: () => {
      armed = []
    },
  }
}

/** The reply a `status` fault gives. */
export const faultReply = (fault: Fault & { readonly status: number }): Reply => ({
  status: fault.status,
  body: fault.body ?? { message: `Injected fault: status ${fault.status}.`, help: HELP },
  headers: {
    ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
    ...(fault.status === 429
      ? {
          'x-ratelimit-limit': '10',
          'x-ratelimit-reset': String((fault.retryAfter ?? 1) * 1000),
          'x-ratelimit-interval': '1000',
        }
      : {}),
  },
})
