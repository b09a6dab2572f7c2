// Identifiers, deterministic per stand-in (a counter), shaped like ImageKit's: 24 hex characters for file,
// version and folder ids, a UUID for request ids. Deterministic ids let tests compare whole values.

/** A counter-backed id source; `reset()` starts it again. */
export interface Ids {
  /** 24 lowercase hex characters, e.g. `000000000000000000000001`. */
  readonly objectId: () => string
  /** UUID-shaped, e.g. `00000000-0000-4000-8000-000000000001`. */
  readonly uuid: () => string
  /** 9 characters from `[A-Za-z0-9]`, the suffix `useUniqueFileName` adds. */
  readonly suffix: () => string
  readonly reset: () => void
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Deterministic id counters for one stand-in (reset by `reset()`). */
export const makeIds = (): Ids => {
  let n = 0
  let r = 0
  let s = 0
  return {
    objectId: () => (++n).toString(16).padStart(24, '0'),
    uuid: () => `00000000-0000-4000-8000-${(++r).toString(16).padStart(12, '0')}`,
    suffix: () => {
      // A multiplicative hash of the counter, so consecutive suffixes do not look alike.
      let x = (++s * 2654435761) >>> 0
      let out = ''
      for (let i = 0; i < 9; i++) {
        out += ALPHABET[(x + i * 7) % ALPHABET.length]
        x = Math.floor(x / 3) + i * 131
      }
      return out
    },
    reset: () => {
      n = 0
      r = 0
      s = 0
    },
  }
}
