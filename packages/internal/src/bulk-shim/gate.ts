// TEMPORARY SHIM (not committed): stands in for r20-many's engine until it lands.
export interface RateGate {
  readonly whenOpen: (signal?: AbortSignal) => Promise<boolean>
  readonly closeUntil: (epochMs: number) => void
}
export const createRateGate = (options?: { readonly now?: () => number }): RateGate => {
  const now = options?.now ?? Date.now
  let until = 0
  return {
    closeUntil: (t) => {
      until = Math.max(until, t)
    },
    whenOpen: async (signal) => {
      for (;;) {
        if (signal?.aborted) return false
        const wait = until - now()
        if (wait <= 0) return true
        const ok = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), wait)
          signal?.addEventListener('abort', () => {
            clearTimeout(timer)
            resolve(false)
          })
        })
        if (!ok) return false
      }
    },
  }
}
export const gateFetch =
  (gate: RateGate, f: typeof globalThis.fetch, now: () => number): typeof globalThis.fetch =>
  async (input, init) => {
    const res = await f(input, init)
    if (res.status === 429) {
      const ra = Number(res.headers.get('retry-after'))
      const reset = Number(res.headers.get('x-ratelimit-reset'))
      gate.closeUntil(now() + (Number.isFinite(ra) && ra > 0 ? ra * 1000 : reset > 0 ? reset : 1000))
    }
    return res
  }
