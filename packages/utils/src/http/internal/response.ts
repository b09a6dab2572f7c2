// Turns what came back (a Response, or what was thrown instead) into the error union.
import { isHTTPError, isTimeoutError } from 'ky'
import { httpError, networkError, type HttpError, type NetworkError, type RateLimit } from '../../errors'

/** Bytes of an error body read at most (ImageKit's `{message, help}` is far smaller). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024
/** Characters of a non-JSON error body kept in `HttpError.body`. */
export const MAX_ERROR_BODY_CHARS = 4096
const EXCERPT_CHARS = 120

/** The body as text, reading no more than `maxBytes` bytes (the rest is cancelled). */
export const readBounded = async (response: Response, maxBytes: number): Promise<string> => {
  const body = response.body
  if (body === null || typeof body.getReader !== 'function') return (await response.text()).slice(0, maxBytes)
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const chunk = value instanceof Uint8Array ? value : new Uint8Array(0)
    const room = maxBytes - bytes
    text += decoder.decode(chunk.subarray(0, room), { stream: true })
    bytes += Math.min(chunk.length, room)
    if (bytes >= maxBytes) {
      reader.cancel().catch(() => undefined)
      break
    }
  }
  return text + decoder.decode()
}

/** A ky error carries the Request (with its Authorization header): keep only its name and message. */
export const safeCause = (e: unknown): unknown => {
  if (!isHTTPError(e) && !isTimeoutError(e)) return e
  const copy = new Error(e.message)
  copy.name = e.name
  return copy
}

const describe = (e: unknown): string => {
  try {
    if (typeof e !== 'object' || e === null) return String(e)
    const { message, cause } = e as { message?: unknown; cause?: unknown }
    const detail =
      typeof cause === 'object' && cause !== null
        ? ((cause as { code?: unknown }).code ?? (cause as { message?: unknown }).message)
        : undefined
    const main = typeof message === 'string' ? message : Object.prototype.toString.call(e)
    return typeof detail === 'string' && detail !== '' ? `${main} (${detail})` : main
  } catch {
    return 'unknown error'
  }
}

/** Maps anything thrown while sending or reading to a NetworkError. */
export const toNetworkError = (
  e: unknown,
  what: string,
  flags: { readonly timedOut: boolean; readonly aborted: boolean; readonly timeout: number },
): NetworkError => {
  if (flags.aborted) return networkError('Aborted', `${what} was aborted`, safeCause(e))
  if (flags.timedOut || isTimeoutError(e)) {
    return networkError('Timeout', `${what} timed out after ${flags.timeout} ms`, safeCause(e))
  }
  return networkError('Transport', `${what} failed: ${describe(e)}`, safeCause(e))
}

const excerpt = (text: string): string => {
  const plain = (/^\s*</.test(text) ? text.replace(/<[^>]*>/g, ' ') : text).replace(/\s+/g, ' ').trim()
  return plain.length > EXCERPT_CHARS ? `${plain.slice(0, EXCERPT_CHARS)}…` : plain
}

const headerNumber = (headers: Headers, name: string): number | undefined => {
  const v = headers.get(name)
  if (v === null || v.trim() === '') return undefined
  const n = Number(v)
  return Number.isFinite(n) ? n : undefined
}

const rateLimitOf = (headers: Headers): RateLimit | undefined => {
  const limit = headerNumber(headers, 'x-ratelimit-limit')
  const reset = headerNumber(headers, 'x-ratelimit-reset')
  const interval = headerNumber(headers, 'x-ratelimit-interval')
  if (limit === undefined && reset === undefined && interval === undefined) return undefined
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(reset === undefined ? {} : { reset }),
    ...(interval === undefined ? {} : { interval }),
  }
}

/**
 * An HttpError from a non-2xx reply: ImageKit's `{message, help}` when the body is that JSON, else
 * `HTTP <status>: <excerpt>` with the raw text (bounded) as `body`.
 */
export const toHttpError = (status: number, headers: Headers, text: string, url: string): HttpError => {
  let parsed: unknown
  let isJson = false
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text)
      isJson = true
    } catch {
      isJson = false
    }
  }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  const own = fields['message']
  const help = fields['help']
  const short = excerpt(text)
  const message =
    typeof own === 'string' && own !== '' ? own : short === '' ? `HTTP ${status}` : `HTTP ${status}: ${short}`
  const requestId = headers.get('x-request-id')
  const rateLimit = status === 429 ? rateLimitOf(headers) : undefined
  return httpError({
    status,
    message,
    ...(typeof help === 'string' ? { help } : {}),
    body: isJson ? parsed : text.slice(0, MAX_ERROR_BODY_CHARS),
    url,
    ...(requestId === null || requestId === '' ? {} : { requestId }),
    ...(rateLimit === undefined ? {} : { rateLimit }),
  })
}
