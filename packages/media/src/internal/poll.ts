// Polling with backoff for waitForPurge and waitForBulkJob: ask, and ask again after a wait that doubles up
// to `maxInterval`, while the status is `Pending` (the only running status ImageKit documents for either),
// until any other status, a Left, the total `timeout` or an abort.
import type { taskEither } from 'fp-ts'
import { networkError } from '@imagekit-fp/utils'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import { isObject, left, readProp } from '@imagekit-fp/internal'
import { abortOf, id, integer, optional, prepare, signal, type Field } from './validate'

/** Largest timer delay (2^31 - 1 ms). */
const MAX_TIMER = 2_147_483_647

/** The polling settings of the input, checked, with their defaults. */
const waitSettings = (field: Field) => ({
  timeout: field('timeout', optional(integer(1, MAX_TIMER))) ?? 300_000,
  interval: field('interval', optional(integer(1, MAX_TIMER))) ?? 1000,
  maxInterval: field('maxInterval', optional(integer(1, MAX_TIMER))) ?? 10_000,
})

/** The injected clock, or Date.now (a clock that throws or is not a function counts as absent). */
export const clock = (config: MediaConfig): (() => number) => {
  const now = isObject(config) ? readProp(config, 'now')?.value : undefined
  return () => {
    try {
      const t = typeof now === 'function' ? (now as () => unknown)() : Date.now()
      return typeof t === 'number' && Number.isFinite(t) ? t : Date.now()
    } catch {
      return Date.now()
    }
  }
}

/**
 * Resolves after `ms`, or as soon as `signal` aborts (then `false`). A signal that throws when used (it passed its
 * check, then broke) counts as aborted: nothing throws.
 */
const sleep = (ms: number, signal: AbortSignal | undefined): Promise<boolean> =>
  new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      clearTimeout(timer)
      try {
        signal?.removeEventListener('abort', stop)
      } catch {
        // resolved either way
      }
      resolve(ok)
    }
    const stop = done(false)
    const timer = setTimeout(done(true), ms)
    if (abortOf(signal)) return stop()
    try {
      signal?.addEventListener('abort', stop)
    } catch {
      stop()
    }
  })

/**
 * Calls `ask` while its status is `Pending`, with backoff; any other status (`Completed`, `Failed`, one that
 * ImageKit adds later) is the answer, and a Left from `ask` is returned as it is. `what` names the thing
 * waited for in the Timeout and Aborted messages.
 */
const poll =
  <A extends { readonly status: string }>(
    config: MediaConfig,
    ask: taskEither.TaskEither<MediaError, A>,
    what: string,
    settings: ReturnType<typeof waitSettings>,
    signal: AbortSignal | undefined,
  ): taskEither.TaskEither<MediaError, A> =>
  async () => {
    const now = clock(config)
    const deadline = now() + settings.timeout
    for (let wait = Math.min(settings.interval, settings.maxInterval); ;) {
      const reply = await ask()
      if (reply._tag === 'Left' || reply.right.status !== 'Pending') return reply
      const remaining = deadline - now()
      if (remaining <= 0)
        return left(
          networkError('Timeout', `${what} did not complete within ${settings.timeout} ms`, undefined),
        )
      if (!(await sleep(Math.min(wait, remaining), signal)))
        return left(networkError('Aborted', `waiting for ${what} was aborted`, abortOf(signal)?.reason))
      wait = Math.min(wait * 2, settings.maxInterval)
    }
  }

/**
 * What waitForPurge and waitForBulkJob do: checks the input (the id at `key`, the polling settings, `signal`)
 * before any I/O, then polls `ask(id, signal)` while it says `Pending`. `what(id)` names what is waited for.
 */
export const waitUntil = <A extends { readonly status: string }>(
  config: MediaConfig,
  input: unknown,
  key: string,
  ask: (id: string, signal: AbortSignal | undefined) => taskEither.TaskEither<MediaError, A>,
  what: (id: string) => string,
): taskEither.TaskEither<MediaError, A> => {
  const checked = prepare(input, (field) => ({
    id: field(key, id),
    settings: waitSettings(field),
    signal: field('signal', optional(signal)),
  }))
  if (checked._tag === 'Left') return async () => left(checked.left)
  const { id: value, settings, signal: abort } = checked.right
  return poll(config, ask(value, abort), what(value), settings, abort)
}
