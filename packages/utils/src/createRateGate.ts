import { createRateGate as create, type RateGate } from '@imagekit-fp/internal'

export type { RateGate }

/**
 * A new, open rate-limit gate to share between bulk calls (`uploadMany`, the media bulk helpers): a 429 seen by
 * any worker of any call holding it pauses them all until ImageKit's window reopens (`Retry-After`,
 * `X-RateLimit-Reset`). Each bulk call makes its own gate unless given one as `options.gate`; nothing is global.
 *
 * @param options - `now`: the clock the gate's times are read against (default `Date.now`; a clock that throws or
 *   returns no number reads as `Date.now()`).
 * @returns a `RateGate`: `whenOpen(signal?)` resolves `true` once the gate is open (`false` if `signal` aborts
 *   first; it never rejects), and `closeUntil(epochMs)` closes it until then (the later time wins; not a number:
 *   ignored).
 * @example
 * import { createRateGate } from '@imagekit-fp/utils'
 * const gate = createRateGate()
 * gate.closeUntil(Date.now() + 20) // every worker waiting on this gate pauses for 20 ms
 * await gate.whenOpen() // true, 20 ms later
 * @since 0.1.0
 * @category constructors
 */
export const createRateGate: (options?: { readonly now?: () => number }) => RateGate = create
