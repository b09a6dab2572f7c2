// The one way a media operation talks to ImageKit. Each operation is declared once, as data (an
// `Operation`: id, method, path template, input check, codec, retry safety); `operationFunction` derives the
// public function from it, and `send` runs it. Only this file imports the transport, so a change to
// `request`'s shape is made here once.
//
import type { either, taskEither } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import type { Decoder } from 'io-ts'
import { requestJson, type HttpMethod, type HttpRequest } from '@imagekit-fp/utils/http'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import type { Abortable } from '../model/Abortable'
import { right } from '@imagekit-fp/internal'
import { fillPath, id, optional, prepare, signal, type Field } from './validate'

/** The transport's verdict on a reply longer than `config.maxResponseBytes` (listAllFiles asks for less). */
export { isResponseTooLarge } from '@imagekit-fp/utils/http'

/** What an operation's input check produces: the values of the call, checked. */
export interface Parts {
  /** The query parameters in this order; `undefined` values are left out. */
  readonly searchParams?: Readonly<Record<string, string | number | boolean | undefined>>
  /** The JSON body (`undefined` members are left out, as JSON.stringify does). */
  readonly json?: unknown
  /** Overrides the declared `idempotent` for this call (an update that runs extensions again on a repeat). */
  readonly idempotent?: RetrySafety
}

/** Whether a retry is safe: `true`, or `'unsent'`: only where nothing reached ImageKit (a 429, a connection that never opened). */
export type RetrySafety = true | 'unsent'

/**
 * One API operation, declared once as data. The public function is derived from it (`operationFunction`); the
 * registry (`operations.ts`) lists every declaration under its id (the public function's name) with its OpenAPI
 * operationId, for the tests, the stand-in's router and the README. The operationId is given there, not here:
 * here every function's bundle would carry it.
 */
export interface Operation<I, A, B = A, P extends Parts = Parts> {
  readonly method: HttpMethod
  /**
   * The OpenAPI path template below the API base URL, e.g. `/v1/files/{fileId}/details`. Each `{name}` is the
   * input's field `name`, checked as an `id` and percent-encoded: always exactly one segment.
   */
  readonly path: string
  /**
   * Reads and checks the rest of the input (query, body) with `field` (typed keys), before any I/O. The path
   * parameters and `signal` are read by the runner.
   */
  readonly input?: (field: Field<I>) => P
  /** Decodes the 2xx body (a 204 or empty body decodes `{}`). */
  readonly codec: Decoder<unknown, A>
  /** Makes the result from the decoded body and the HTTP status (a 207 partial success). Default: the body. */
  readonly result?: (body: A, status: number) => B
  /** Whether a retry is safe (a call's `Parts` may say otherwise). */
  readonly idempotent: RetrySafety
  /**
   * A delete's result when a retry, after an attempt whose reply was lost, answers 404 with `body`: that attempt
   * most likely did the delete. `undefined` keeps the 404.
   */
  readonly gone?: (body: unknown, parts: P) => B | undefined
}

/** A delete's `gone`: the thing is gone, most likely deleted by the attempt whose reply was lost. */
export const alreadyDeleted = (): { readonly alreadyDeleted: true } => ({ alreadyDeleted: true })

/**
 * Sends a checked call of `op` with the private key (HTTP Basic) and decodes the reply: `checked` is the
 * input check's result, the call's parts and its signal. A Left input check is returned as it is: nothing is sent.
 */
export const send =
  <A, B, P extends Parts>(
    config: MediaConfig,
    op: Omit<Operation<never, A, B, P>, 'input'>,
    checked: either.Either<ValidationError, readonly [string, P, AbortSignal | undefined]>,
  ): taskEither.TaskEither<MediaError, B> =>
  async () => {
    if (checked._tag === 'Left') return checked
    const [path, parts, abort] = checked.right
    const { method, codec, result, idempotent, gone } = op
    const req: HttpRequest<A> = {
      method,
      base: 'api',
      path,
      auth: 'basic',
      codec,
      ...parts,
      idempotent: parts.idempotent ?? idempotent,
      ...(abort === undefined ? {} : { signal: abort }),
    }
    const reply = await requestJson(config, req)()
    if (reply._tag === 'Left') {
      const e = reply.left
      const done =
        e._tag === 'HttpError' && e.status === 404 && e.afterLostReply ? gone?.(e.body, parts) : undefined
      return done === undefined ? reply : right(done)
    }
    const { body, status } = reply.right
    return right(result ? result(body, status) : (body as unknown as B))
  }

/**
 * The public function of an operation: checks the input (the path parameters, the declaration's fields, then
 * `signal`, read here once for every operation), then sends it. A bad input is a `ValidationError` Left and nothing is sent.
 * `absent` is the input used when none is given (`{}` where every field is optional).
 */
export const operationFunction =
  <I extends Abortable, A, B, P extends Parts>(op: Operation<I, A, B, P>, absent?: I) =>
  (config: MediaConfig, input: I = absent as I): taskEither.TaskEither<MediaError, B> =>
    send(
      config,
      op,
      prepare(input, (field) => {
        const path = fillPath(op.path, (name) => (field as Field)(name, id))
        return [
          path,
          op.input ? op.input(field) : ({} as P),
          (field as Field)('signal', optional(signal)),
        ] as const
      }),
    )
