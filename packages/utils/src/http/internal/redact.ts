// Keeps the private key (and the base64 forms it travels in) out of every error value.
import type { Errors } from 'io-ts'
import type { RequestError } from '../types'

const REDACTED = '[redacted]'

/**
 * JSON data (a string, a parsed body) with every secret replaced, matched in JSON-escaped form so that a
 * secret with quotes or backslashes is found too; data that cannot round-trip is withheld whole.
 */
const scrub = (value: unknown, secrets: readonly string[]): unknown => {
  try {
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) return value
    const out = secrets.reduce((acc, s) => acc.split(JSON.stringify(s).slice(1, -1)).join(REDACTED), text)
    return out === text ? value : (JSON.parse(out) as unknown)
  } catch {
    return REDACTED
  }
}

/**
 * Whether any string reachable from `value` (own properties, enumerable or not, Map and Set entries; cycles
 * safe) holds a secret. Too deep, too large, unreadable, a Request or a Headers object (whose contents no
 * property walk reaches) counts as holding one.
 */
export const mentionsSecret = (value: unknown, secrets: readonly string[]): boolean => {
  const seen = new Set<unknown>()
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return secrets.some((s) => v.includes(s))
    if (Object(v) !== v || seen.has(v)) return false
    seen.add(v)
    try {
      if (
        depth > 8 ||
        seen.size > 2000 ||
        /^\[object (Request|Headers)\]$/.test(Object.prototype.toString.call(v))
      )
        return true
      const o = v as object
      const children: unknown[] = Reflect.ownKeys(o).map((k) => Object.getOwnPropertyDescriptor(o, k)?.value)
      if (o instanceof Map || o instanceof Set) children.push(...o.keys(), ...o.values())
      return children.some((child) => walk(child, depth + 1))
    } catch {
      return true
    }
  }
  return walk(value, 0)
}

/**
 * io-ts errors with every secret removed from the values they carry (`value`, each context entry's `actual`);
 * the codecs in `context[].type` are kept as they are.
 */
const scrubErrors = (errors: Errors, secrets: readonly string[]): Errors =>
  errors.map((e) => ({
    ...e,
    value: scrub(e.value, secrets),
    context: e.context.map((c) => ('actual' in c ? { ...c, actual: scrub(c.actual, secrets) } : c)),
    ...(e.message === undefined ? {} : { message: scrub(e.message, secrets) as string }),
  }))

/** The error with every secret removed from its messages, body, decode errors and cause. */
export const redact = <E extends RequestError>(error: E, secrets: readonly string[]): E => {
  if (secrets.length === 0) return error
  const out: Record<string, unknown> = { ...error }
  for (const k of ['message', 'help', 'body', 'url', 'requestId'])
    if (k in out) out[k] = scrub(out[k], secrets)
  if (error._tag === 'DecodeError') out['errors'] = scrubErrors(error.errors, secrets)
  if (mentionsSecret(out['cause'], secrets)) {
    let name = 'Error'
    try {
      const n = (out['cause'] as { name?: unknown }).name
      if (typeof n === 'string') name = n
    } catch {
      // keep the default name
    }
    out['cause'] = { name, message: 'the original error mentioned the credentials and was withheld' }
  }
  return out as E
}
