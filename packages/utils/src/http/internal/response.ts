// Turns what came back (a Response, or what was thrown instead) into values: bounded reads of the body, the
// error union. Every text is redacted (scrubText) before it is cut or rewritten.
import { httpError, type HttpError, type RateLimit } from '../../errors'
import { scrubText } from './redact'

/** `s`, cut to `n` characters with an ellipsis. */
export const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s)

/**
 * The body as text, reading no more than `maxBytes` bytes (the rest is cancelled), and whether there was more.
 * `res.text()` has no limit: an endless 2xx body grew RSS by 1.25 GiB in 8 s.
 */
export const readBounded = async (
  response: Response,
  maxBytes: number,
): Promise<readonly [text: string, over: boolean]> => {
  const reader = response.body?.getReader?.()
  if (reader === undefined) {
    const text = await response.text()
    return [text.slice(0, maxBytes), text.length > maxBytes]
  }
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (let r; !(r = await reader.read()).done;) {
    const value = r.value instanceof Uint8Array ? r.value : new Uint8Array()
    const chunk = value.subarray(0, maxBytes - bytes)
    text += decoder.decode(chunk, { stream: true })
    bytes += chunk.length
    if (chunk.length < value.length) {
      reader.cancel().catch(() => undefined)
      return [text + decoder.decode(), true]
    }
  }
  return [text + decoder.decode(), false]
}

/** A thrown value in words: its message, with the code or message of its cause. */
export const describe = (e: unknown): string => {
  try {
    if (typeof e !== 'object' || e === null) return String(e)
    const { message, cause } = e as { message?: unknown; cause?: { code?: unknown; message?: unknown } }
    const detail = typeof cause === 'object' ? (cause?.code ?? cause?.message) : undefined
    const main = typeof message === 'string' ? message : Object.prototype.toString.call(e)
    return typeof detail === 'string' && detail !== '' ? `${main} (${detail})` : main
  } catch {
    return 'unknown error'
  }
}

/** Response headers as a record with lower-case names (a Fetch `Headers` already joins repeats with ", "). */
export const headerRecord = (headers: Headers): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value
  })
  return out
}

/**
 * An HttpError from a non-2xx reply: ImageKit's `{message, help}` when the body is that JSON, else
 * `HTTP <status>: <excerpt>` with the raw text (at most 4096 characters) as `body`. The text is redacted first.
 */
export const toHttpError = (
  status: number,
  headers: Headers,
  raw: string,
  url: string,
  secrets: readonly string[],
): HttpError => {
  const text = scrubText(raw, secrets)
  let body: unknown = text.slice(0, 4096)
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  const { message, help } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const plain = /^\s*</.test(text) ? scrubText(text.replace(/<[^<>]*>/g, ' '), secrets) : text
  const short = cut(plain.replace(/\s+/g, ' ').trim(), 120)
  const requestId = headers.get('x-request-id')
  let rateLimit: Record<string, number> | undefined
  for (const k of status === 429 ? ['limit', 'reset', 'interval'] : []) {
    const v = headers.get(`x-ratelimit-${k}`)
    if (v?.trim() && Number.isFinite(+v)) (rateLimit ??= {})[k] = +v
  }
  return httpError({
    status,
    message:
      typeof message === 'string' && message !== '' ? message : `HTTP ${status}${short && `: ${short}`}`,
    ...(typeof help === 'string' ? { help } : {}),
    body,
    url,
    ...(requestId ? { requestId } : {}),
    ...(rateLimit ? { rateLimit: rateLimit as RateLimit } : {}),
  })
}
