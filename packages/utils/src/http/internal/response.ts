// Turns what came back (a Response, or what was thrown instead) into the error union.
import { httpError, type HttpError, type RateLimit } from '../../errors'

/** `s`, cut to `n` characters with an ellipsis. */
export const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s)

/** The body as text, reading no more than `maxBytes` bytes (64 KiB; the rest is cancelled). */
export const readBounded = async (response: Response, maxBytes = 65_536): Promise<string> => {
  const reader = response.body?.getReader?.()
  if (reader === undefined) return (await response.text()).slice(0, maxBytes)
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (let r; !(r = await reader.read()).done;) {
    const chunk = r.value instanceof Uint8Array ? r.value.subarray(0, maxBytes - bytes) : new Uint8Array()
    text += decoder.decode(chunk, { stream: true })
    bytes += chunk.length
    if (bytes >= maxBytes) {
      reader.cancel().catch(() => undefined)
      break
    }
  }
  return text + decoder.decode()
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

/**
 * An HttpError from a non-2xx reply: ImageKit's `{message, help}` when the body is that JSON, else
 * `HTTP <status>: <excerpt>` with the raw text (at most 4096 characters) as `body`.
 */
export const toHttpError = (status: number, headers: Headers, text: string, url: string): HttpError => {
  let body: unknown = text.slice(0, 4096)
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  const { message, help } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const short = cut(
    (/^\s*</.test(text) ? text.replace(/<[^>]*>/g, ' ') : text).replace(/\s+/g, ' ').trim(),
    120,
  )
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
