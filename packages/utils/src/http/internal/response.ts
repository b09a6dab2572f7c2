// The read step and the values of what came back: the reply checked and its body read within bounds, and the
// error union. Every text is redacted (scrubText) before it is cut or rewritten.
import {
  decodeError,
  httpError,
  networkError,
  type DecodeError,
  type HttpError,
  type RateLimit,
} from '../../errors'
import type { RequestError } from '../types'
import type { Call, Reply } from './attempt'
import type { Plan } from './plan'
import { scrubText } from './redact'

/** The most of an error body that is read (it only feeds `HttpError.body` and the message). */
const MAX_ERROR_BYTES = 65_536

const REDIRECTS: readonly number[] = [301, 302, 303, 307, 308]

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
  let over = false
  for (let r; !over && !(r = await reader.read()).done;) {
    const value = r.value instanceof Uint8Array ? r.value : new Uint8Array()
    const chunk = value.subarray(0, maxBytes - bytes)
    text += decoder.decode(chunk, { stream: true })
    bytes += chunk.length
    over = chunk.length < value.length
  }
  if (over) reader.cancel().catch(() => undefined)
  return [text + decoder.decode(), over]
}

/** The error of a redirect that is not followed. */
export const refused = (call: Call, detail: string, cause: unknown): RequestError =>
  networkError(
    'Transport',
    `${call.what} failed: ${detail}: the request carries credentials or a body`,
    cause,
  )

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts (so that a fetch or a body that
 * ignores the signal cannot make the caller wait forever; the abort itself has reached the wire already).
 */
export const race = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    // No removeEventListener: `signal` belongs to one attempt and is dropped with it.
    const stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    signal.addEventListener('abort', stop)
    promise.then(resolve, reject)
  })

/** The DecodeError of a 2xx body longer than `maxBytes` (no retry changes it), tagged with its reason. */
const tooLarge = (
  { maxBytes, codec, secrets }: Plan<unknown>,
  { what }: Call,
  text: string,
): DecodeError => ({
  ...decodeError(
    [
      {
        value: cut(scrubText(text, secrets), 200),
        context: [{ key: '', type: codec, actual: undefined }],
        message: `larger than ${maxBytes} bytes`,
      },
    ],
    `the response to ${what} is larger than ${maxBytes} bytes, the most the transport reads (config.maxResponseBytes)`,
  ),
  reason: 'ResponseTooLarge',
})

/**
 * The read step: what `fetch` gave, checked (an injected fetch may resolve to anything), a redirect refused
 * where the call carries the key or a body, and the body read within bounds (an unreadable error body is empty).
 */
export const readReply = async (
  plan: Plan<unknown>,
  call: Call,
  res: Response,
  signal: AbortSignal,
): Promise<Reply> => {
  const status = (res as { status?: unknown } | null)?.status as number
  if (!Number.isInteger(status) || typeof res.headers?.get !== 'function')
    throw new TypeError('invalid response')
  if (call.redirect && (res.type === 'opaqueredirect' || REDIRECTS.includes(status))) {
    res.body?.cancel().catch(() => undefined)
    call.final = refused(call, `redirect (HTTP ${status}) not followed`, undefined)
    throw new TypeError('redirect refused')
  }
  const ok = status >= 200 && status < 300
  const read = race(readBounded(res, ok ? plan.maxBytes : MAX_ERROR_BYTES), signal)
  const [text, over] = await read.catch((e: unknown) => {
    if (ok) throw e
    return ['', false] as const
  })
  if (ok && over) {
    call.final = tooLarge(plan, call, text)
    throw new TypeError('body too large')
  }
  return { ok, status, headers: res.headers, text }
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
  // `Object(body)`: a parsed object as it is; text, a number or null has no `message` or `help`.
  const { message, help } = Object(body) as Record<string, unknown>
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
    ...(typeof help === 'string' && { help }),
    body,
    url,
    ...(requestId && { requestId }),
    ...(rateLimit && { rateLimit: rateLimit as RateLimit }),
  })
}
