// Keeps the private key (and the base64 forms it travels in) out of every error value.
import type { RequestError } from '../types'

const REDACTED = '[redacted]'
/** The fields that can hold text from outside (the tags, status and reason are ours). */
const SCRUBBED: readonly string[] = ['message', 'help', 'body', 'url', 'requestId', 'cause']

const scrubString = (s: string, secrets: readonly string[]): string =>
  secrets.reduce((acc, secret) => (acc.includes(secret) ? acc.split(secret).join(REDACTED) : acc), s)

/** JSON data (a parsed body) with every secret replaced, including secrets that JSON escapes. */
const scrubData = (value: unknown, secrets: readonly string[]): unknown => {
  let text: string | undefined
  try {
    text = JSON.stringify(value) as string | undefined
  } catch {
    return REDACTED
  }
  if (text === undefined) return value
  let changed = false
  for (const secret of secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1)
    if (text.includes(escaped)) {
      text = text.split(escaped).join(REDACTED)
      changed = true
    }
  }
  return changed ? (JSON.parse(text) as unknown) : value
}

/** Whether any string reachable from `value` (own properties, enumerable or not; cycles safe) holds a secret. */
export const mentionsSecret = (value: unknown, secrets: readonly string[]): boolean => {
  const seen = new Set<object>()
  const stack: { readonly v: unknown; readonly depth: number }[] = [{ v: value, depth: 0 }]
  let visited = 0
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!
    if (typeof v === 'string') {
      if (secrets.some((s) => v.includes(s))) return true
      continue
    }
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue
    seen.add(v)
    // Too deep or too large to inspect: treat it as unsafe.
    if (depth > 8 || ++visited > 2000) return true
    // Their contents live in internal slots that no property walk reaches; a Request or Headers object may
    // carry the Authorization header, so it is never let through.
    const kind = Object.prototype.toString.call(v)
    if (kind === '[object Request]' || kind === '[object Headers]') return true
    if (v instanceof Map || v instanceof Set) {
      for (const entry of v instanceof Map ? [...v.keys(), ...v.values()] : [...v.values()]) {
        stack.push({ v: entry, depth: depth + 1 })
      }
    }
    let keys: (string | symbol)[]
    try {
      keys = Reflect.ownKeys(v)
    } catch {
      return true
    }
    for (const key of keys) {
      let child: unknown
      try {
        const d = Object.getOwnPropertyDescriptor(v, key)
        child = d !== undefined && 'value' in d ? d.value : undefined
      } catch {
        return true
      }
      stack.push({ v: child, depth: depth + 1 })
    }
  }
  return false
}

const causeSummary = (cause: unknown): { readonly name: string; readonly message: string } => {
  let name = 'Error'
  try {
    const n = (cause as { name?: unknown } | null)?.name
    if (typeof n === 'string') name = n
  } catch {
    // keep the default name
  }
  return { name, message: 'the original error mentioned the credentials and was withheld' }
}

/** The error with every secret removed from its messages, body and cause. */
export const redact = <E extends RequestError>(error: E, secrets: readonly string[]): E => {
  if (secrets.length === 0) return error
  const out: Record<string, unknown> = { ...error }
  for (const [k, v] of Object.entries(out)) {
    if (!SCRUBBED.includes(k)) continue
    if (k === 'cause') out[k] = mentionsSecret(v, secrets) ? causeSummary(v) : v
    else if (k === 'body') out[k] = scrubData(v, secrets)
    else if (typeof v === 'string') out[k] = scrubString(v, secrets)
  }
  return out as E
}
