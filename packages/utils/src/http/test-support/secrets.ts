// Test helpers: stringify anything safely (cycles, Errors with their non-enumerable fields, bigint) and
// assert that a private key appears nowhere in it.
import { expect } from 'vitest'
import { encodeBase64 } from '../../internal/base64'
import { utf8 } from '../../internal/bytes'

/** JSON of `value`, cycle-safe; Errors are expanded with name, message, stack, cause and own fields. */
export const safeStringify = (value: unknown): string => {
  const seen = new WeakSet<object>()
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`
      if (typeof v === 'function') return `[function ${v.name}]`
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[circular]'
        seen.add(v)
        if (v instanceof Error) {
          const out: Record<string, unknown> = {
            name: v.name,
            message: v.message,
            stack: v.stack,
            cause: v.cause,
          }
          for (const k of Object.getOwnPropertyNames(v))
            out[k] ??= (v as unknown as Record<string, unknown>)[k]
          return out
        }
      }
      return v
    }) ?? 'undefined'
  )
}

/** Fails when the key, `base64(key + ':')` or `base64(key)` occurs anywhere in `value`. */
export const expectNoSecret = (value: unknown, key: string): void => {
  const text = safeStringify(value)
  for (const secret of [key, encodeBase64(utf8(`${key}:`)), encodeBase64(utf8(key))]) {
    expect(text.includes(secret), `secret ${secret} leaked in ${text.slice(0, 300)}`).toBe(false)
  }
}
