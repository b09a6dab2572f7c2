// The decode step: a 2xx reply's text, parsed as JSON and checked by the request's codec (a lax codec of ours
// tells its drift to `onDrift`). Every message is redacted before it is cut.
import type { either } from 'fp-ts'
import type { Decoder, Errors } from 'io-ts'
import { INVALID, findingErrors, isLax, readAll, type Drift, type LaxType } from '../../codec/lax'
import { decodeError, type DecodeError } from '../../errors'
import { left, right } from '@imagekit-fp/internal'
import { formatErrors } from './formatErrors'
import { redact, scrubErrors, scrubText } from './redact'
import { cut } from './response'
import type { Call, Reply } from './attempt'
import type { Plan } from './plan'

type Decoded<A> = either.Either<DecodeError, A>

/** What decoding one 2xx reply needs to know besides its text: the call, the key's forms, the drift policy. */
export type Reading = Pick<Call, 'what'> &
  Pick<Plan<unknown>, 'secrets' | 'strict' | 'onDrift' | 'method' | 'url'>

/**
 * The Left of a DecodeError, redacted here, once: its errors are scrubbed (`scrubErrors`) before `summary` writes
 * the message from them (values are redacted before they are cut), then the message and body are redacted.
 */
const failed = (
  errors: Errors,
  summary: (clean: Errors) => string,
  { secrets }: Reading,
  body?: unknown,
): Decoded<never> => {
  const clean = scrubErrors(errors, secrets)
  return left({ ...redact(decodeError([], summary(clean), body), secrets), errors: clean })
}

/** A DecodeError with one error at the root of `codec`. */
const rootError = (
  codec: Decoder<unknown, unknown>,
  value: unknown,
  message: string,
  summary: string,
  reading: Reading,
) => failed([{ value, context: [{ key: '', type: codec, actual: value }], message }], () => summary, reading)

/** `the response to … does not match …: <each error>`. */
const mismatch = (errors: Errors, name: string, reading: Reading, mode = '', body?: unknown) =>
  failed(
    errors,
    (clean) => `the response to ${reading.what} does not match ${name}${mode}: ${formatErrors(clean)}`,
    reading,
    body,
  )

/**
 * A body read by one of our lax codecs: a Left when an identity or discriminant is unusable (or, strictly, on
 * any drift); otherwise the typed value, each drift told to `onDrift` (whose errors are ignored).
 */
const readLax = <A>(
  codec: LaxType<A, unknown>,
  data: unknown,
  reading: Reading,
  requestId?: string,
): Decoded<A> => {
  const { value, findings } = readAll(codec, data)
  const invalid = value === INVALID
  if (invalid || (reading.strict && findings.length > 0)) {
    const shown = invalid ? findings.filter((f) => f.kind === 'invalid') : findings
    const errors = findingErrors(shown, [{ key: '', type: codec, actual: data }])
    return mismatch(errors, codec.name, reading, invalid ? '' : ' (strictResponses)', data)
  }
  const { onDrift } = reading
  if (!onDrift || findings.length === 0) return right(value)
  const operation = `${reading.method} ${new URL(reading.url).pathname}`
  for (const f of findings) {
    try {
      onDrift({ operation, ...f, ...(requestId !== undefined && { requestId }) } as Drift)
    } catch {
      // A listener's failure is not the call's.
    }
  }
  return right(value)
}

/** Any io-ts decoder, guarded: it may throw or return something other than an Either. */
const readIoTs = <A>(codec: Decoder<unknown, A>, data: unknown, reading: Reading): Decoded<A> => {
  let decoded: either.Either<Errors, A> | undefined
  let thrown: string | undefined
  try {
    decoded = codec.decode(data)
  } catch (e) {
    thrown = `: ${e instanceof Error ? e.message : String(e)}`
  }
  if (decoded?._tag === 'Right') return right(decoded.right)
  if (decoded?._tag === 'Left' && Array.isArray(decoded.left))
    return mismatch(decoded.left, typeof codec.name === 'string' ? codec.name : 'its codec', reading)
  const fault = thrown === undefined ? 'returned no Either' : 'threw'
  return rootError(
    codec,
    data,
    `the codec ${fault}`,
    `the codec for ${reading.what} ${fault}${thrown ?? ''}`,
    reading,
  )
}

/** A 2xx body: JSON (a 204 or blank body is `{}`) that the codec accepts, else a DecodeError. */
export const decodeBody = <A>(
  codec: Decoder<unknown, A>,
  { status, text, headers }: Reply,
  reading: Reading,
): Decoded<A> => {
  let data: unknown = {}
  if (status !== 204 && text.trim() !== '') {
    try {
      data = JSON.parse(text)
    } catch (e) {
      const reason = (e as SyntaxError).message
      const shown = cut(scrubText(text, reading.secrets), 200)
      const summary = `the response to ${reading.what} is not valid JSON: ${reason}`
      return rootError(codec, shown, `not valid JSON (${reason})`, summary, reading)
    }
  }
  if (!isLax(codec)) return readIoTs(codec, data, reading)
  return readLax(codec as LaxType<A, unknown>, data, reading, headers.get('x-request-id') ?? undefined)
}
