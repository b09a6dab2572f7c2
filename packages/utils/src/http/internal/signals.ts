// Abort-signal helpers that work where `AbortSignal.any` is missing (older browsers).

/** A signal that aborts as soon as any of `signals` does. */
export const anySignal = (signals: readonly AbortSignal[]): AbortSignal => {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals])
  const controller = new AbortController()
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason)
      break
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true })
  }
  return controller.signal
}

const ABORTED = Symbol('aborted')

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts (so that a body that ignores the
 * signal cannot make the caller wait forever).
 */
export const raceSignal = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => {
  if (signal.aborted) {
    promise.catch(() => undefined)
    return Promise.reject(signal.reason ?? ABORTED)
  }
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason ?? ABORTED)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  promise.catch(() => undefined)
  return Promise.race([promise, aborted]).finally(() => {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort)
  })
}

/** Waits `ms`; resolves `false` early when `signal` aborts. */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve(false)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
