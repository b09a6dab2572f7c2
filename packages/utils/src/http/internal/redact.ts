// Keeps the private key, in every form it can come back in, out of every error value. Text is redacted before
// anything cuts or rewrites it (response.ts, request.ts), so a copy that straddles a cut, or one that tag
// stripping would join up (`SE<b>CRET`), is replaced whole; `redact` then goes over the finished error.
import type { Errors } from 'io-ts'
import { base64Utf8 } from '@imagekit-fp/internal'
import type { RequestError } from '../types'

const REDACTED = '[redacted]'

/**
 * The forms the key travels or is echoed in: as it is, percent-encoded (both hex cases, `+` for a space), and
 * base64 (with and without padding) and base64url of `key:` (the Basic credential) and of `key`.
 */
export const secretForms = (key: string): readonly string[] => {
  const forms = new Set([key])
  const percent = encodeURIComponent(key)
  forms
    .add(percent)
    .add(percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()))
    .add(percent.replace(/%20/g, '+'))
  for (const s of [`${key}:`, key]) {
    const padded = base64Utf8(s)
    const b64 = padded.replace(/=+$/, '')
    forms.add(padded).add(b64).add(b64.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...forms]
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One pattern for every secret, each allowed to have HTML tags between its characters (`SE<b>CRET`). */
const patternOf = (secrets: readonly string[]): RegExp =>
  new RegExp(
    secrets
      .filter((s) => s !== '')
      .sort((a, b) => b.length - a.length)
      .map((s) => Array.from(s, escape).join('(?:<[^<>]*>)*'))
      .join('|'),
    'g',
  )

const isAlnum = (c = ''): boolean => /[\da-z]/i.test(c)

/**
 * `text` with every match of `pattern` replaced by `[redacted]`. A match of fewer than 8 characters only where it
 * stands alone (no letter or digit either side), so that the key `k` leaves "imagekit" whole.
 */
const replaceIn = (text: string, pattern: RegExp): string =>
  text.replace(pattern, (m: string, at: number) =>
    m.length >= 8 || !(isAlnum(text[at - 1]) || isAlnum(text[at + m.length])) ? REDACTED : m,
  )

/** `text` with every secret (also tag-interleaved) replaced by `[redacted]`, as `replaceIn` does. */
export const scrubText = (text: string, secrets: readonly string[]): string =>
  secrets.length === 0 ? text : replaceIn(text, patternOf(secrets))

/**
 * A test of whether a text holds a secret, as it is or with its HTML tags removed. The pattern is compiled once
 * per test made, not per text: a walk over a large cause tests thousands of strings.
 */
const secretTest = (secrets: readonly string[]): ((text: string) => boolean) => {
  if (secrets.length === 0) return () => false
  const pattern = patternOf(secrets)
  return (text) => [text, text.replace(/<[^<>]*>/g, '')].some((t) => replaceIn(t, pattern) !== t)
}

/**
 * A function giving JSON data (a string, a parsed body) with every secret replaced, matched in JSON-escaped form
 * so that a secret with quotes or backslashes is found too; data that cannot round-trip is withheld whole. The
 * pattern is compiled once (it is the most of the cost for the many small values of a DecodeError).
 */
const scrubber = (secrets: readonly string[]): ((value: unknown) => unknown) => {
  const pattern = patternOf(secrets.map((s) => JSON.stringify(s).slice(1, -1)))
  return (value) => {
    try {
      const text = JSON.stringify(value) as string | undefined
      if (text === undefined) return value
      const out = replaceIn(text, pattern)
      return out === text ? value : (JSON.parse(out) as unknown)
    } catch {
      return REDACTED
    }
  }
}

/**
 * Whether any string reachable from `value` holds a secret: own properties, enumerable or not, read through
 * their getters; an Error's name, message, stack and cause wherever they are defined; Map and Set entries;
 * cycles safe. Too deep, too large, unreadable (a getter that throws), a Request or a Headers object (whose
 * contents no property walk reaches) counts as holding one.
 */
export const mentionsSecret = (value: unknown, secrets: readonly string[]): boolean => {
  const holdsSecret = secretTest(secrets)
  const seen = new Set<unknown>()
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return holdsSecret(v)
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
      const keys = new Set<PropertyKey>(Reflect.ownKeys(o))
      if (o instanceof Error) for (const k of ['name', 'message', 'stack', 'cause']) keys.add(k)
      const children: unknown[] = [...keys].map((k) => Reflect.get(o, k))
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
 * the codecs in `context[].type` are kept as they are. A value several errors share (the whole body, in each
 * error of a strict reading) is scrubbed once and stays shared.
 */
export const scrubErrors = (errors: Errors, secrets: readonly string[]): Errors => {
  if (secrets.length === 0) return errors
  const scrub = scrubber(secrets)
  const done = new Map<unknown, unknown>()
  const once = (u: unknown): unknown => {
    if (!done.has(u)) done.set(u, scrub(u))
    return done.get(u)
  }
  return errors.map((e) => ({
    ...e,
    value: once(e.value),
    context: e.context.map((c) => ('actual' in c ? { ...c, actual: once(c.actual) } : c)),
    ...(e.message !== undefined && { message: scrub(e.message) as string }),
  }))
}

/** The error with every secret removed from its messages, body, decode errors and cause. */
export const redact = <E extends RequestError>(error: E, secrets: readonly string[]): E => {
  if (secrets.length === 0) return error
  const out: Record<string, unknown> = { ...error }
  const scrub = scrubber(secrets)
  for (const k of ['message', 'help', 'body', 'url', 'requestId']) if (k in out) out[k] = scrub(out[k])
  if (error._tag === 'DecodeError') out['errors'] = scrubErrors(error.errors, secrets)
  if (mentionsSecret(out['cause'], secrets)) {
    let name = 'Error'
    try {
      const n = (out['cause'] as { name?: unknown }).name
      if (typeof n === 'string' && !secretTest(secrets)(n)) name = n
    } catch {
      // keep the default name
    }
    out['cause'] = { name, message: 'the original error mentioned the credentials and was withheld' }
  }
  return out as E
}
