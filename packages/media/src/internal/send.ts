// The one way a media operation talks to ImageKit: every public function builds a `Call` (checked input,
// described as data) and hands it to `send`. Only this file imports the transport, so a change to
// `request`'s shape is made here once.
//
import type { either, taskEither } from 'fp-ts'
import type { Decoder } from 'io-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { request, type HttpMethod, type HttpRequest } from '@imagekit-fp/utils/http'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import { right } from '@imagekit-fp/internal'

/** The transport's verdict on a reply longer than `config.maxResponseBytes` (listAllFiles asks for less). */
export { isResponseTooLarge } from '@imagekit-fp/utils/http'

/** One API call, as data: what an operation's input check produces. */
export interface Call<A, B = A> {
  readonly method: HttpMethod
  /** Below the API base URL, built with `route` so that every path parameter is percent-encoded. */
  readonly path: string
  /** Query parameters in this order; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>
  /** The JSON body (`undefined` members are left out, as JSON.stringify does). */
  readonly json?: unknown
  /** Decodes the 2xx body (a 204 or empty body decodes `{}`). */
  readonly codec: Decoder<unknown, A>
  /** Makes the result from the decoded body and the HTTP status (a 207 partial success). Default: the body. */
  readonly result?: (body: A, status: number) => B
  /**
   * Whether a retry is safe: `true` (GET, PUT, DELETE by default), or `'unsent'` (POST, PATCH by default): retried
   * only where nothing reached ImageKit (a 429, a connection that never opened), never after a lost reply.
   */
  readonly idempotent?: boolean | 'unsent'
  /**
   * A delete's result when a retry, after an attempt whose reply was lost, answers 404 with `body`: that attempt
   * most likely did the delete. `undefined` keeps the 404.
   */
  readonly gone?: (body: unknown) => B | undefined
  readonly signal?: AbortSignal | undefined
}

/** A delete's `gone`: the thing is gone, most likely deleted by the attempt whose reply was lost. */
export const alreadyDeleted = (): { readonly alreadyDeleted: true } => ({ alreadyDeleted: true })

/**
 * Sends a checked call to the API with the private key (HTTP Basic) and decodes the reply. A Left input check
 * is returned as it is: nothing is sent.
 */
export const send =
  <A, B = A>(
    config: MediaConfig,
    call: either.Either<ValidationError, Call<A, B>>,
  ): taskEither.TaskEither<MediaError, B> =>
  async () => {
    if (call._tag === 'Left') return call
    const { method, path, query, json, codec, result, idempotent, gone, signal } = call.right
    const req: HttpRequest<A> = {
      method,
      base: 'api',
      path,
      auth: 'basic',
      codec,
      ...(query === undefined ? {} : { searchParams: query }),
      ...(json === undefined ? {} : { json }),
      idempotent: idempotent ?? (method === 'POST' || method === 'PATCH' ? 'unsent' : true),
      ...(signal === undefined ? {} : { signal }),
    }
    const reply = await request(config, req)()
    if (reply._tag === 'Left') {
      const e = reply.left
      const done = e._tag === 'HttpError' && e.status === 404 && e.afterLostReply ? gone?.(e.body) : undefined
      return done === undefined ? reply : right(done)
    }
    const { body, status } = reply.right
    return right(result ? result(body, status) : (body as unknown as B))
  }
