// Test helpers: stringify anything safely (cycles, Errors with their non-enumerable fields, bigint) and
// assert that a private key appears nowhere in it.
import { expect } from 'vitest'
import { encodeBase64 } from '@imagekit-fp/internal'
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

/**
 * Every form of `key` the scan looks for: as it is, percent-encoded (either hex case), and base64 and
 * base64url (unpadded) of `key:` and of `key`. Written here independently of the transport's own list.
 */
export const keyForms = (key: string): string[] => {
  const pct = encodeURIComponent(key)
  const b64 = (s: string) => encodeBase64(utf8(s)).replace(/=+$/, '')
  const url = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_')
  return [
    key,
    pct,
    pct.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    b64(`${key}:`),
    b64(key),
    url(b64(`${key}:`)),
    url(b64(key)),
  ]
}

/**
 * Fails when any form of the key ({@link keyForms}) occurs anywhere in `value` (getters included), also once
 * HTML tags are taken out of the text (`SE<b>CRET`).
 */
export const expectNoSecret = (value: unknown, key: string): void => {
  const text = safeStringify(value)
  const untagged = text.replace(/<[^<>]*>/g, '')
  for (const secret of keyForms(key)) {
    expect(
      text.includes(secret) || untagged.includes(secret),
      `secret ${secret} leaked in ${text.slice(0, 300)}`,
    ).toBe(false)
  }
}
