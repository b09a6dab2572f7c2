// What a route handler is given.
import type { Keys } from './auth'
import type { Reply } from './reply'
import type { State } from './state'

/** The request and the stand-in's state, as a route handler sees them. */
export interface Ctx {
  readonly state: State
  readonly keys: Keys
  readonly urlEndpoint: string
  /** Status reads a bulk job or purge answers `Pending` before `Completed`. */
  readonly pendingReads: number
  readonly now: () => number
  readonly request: Request
  readonly url: URL
  readonly params: Readonly<Record<string, string>>
  /** The parsed JSON body (`undefined` when there is none). */
  readonly json: unknown
  /** Records what the request log shows as the body (uploads: the text fields). */
  readonly note: (body: unknown) => void
  /** Records an upload's `file` part for the request log. */
  readonly noteFile: (file: UploadedFile) => void
  /** Counts the call against the rate limit of `key` (a key found in the body); the 429 when over it. */
  readonly limit: (key: string | undefined) => Reply | undefined
}

/** An upload's `file` part as received: a binary part's size, filename and content type, or a text's decoded size. */
export interface UploadedFile {
  readonly size: number
  readonly filename?: string
  readonly type?: string
}

/** What the stand-in does for one operation: its answer to a call. */
export type Handler = (ctx: Ctx) => Reply | Promise<Reply>

/** Handlers, keyed by the operationId of the operation each one answers. */
export type Handlers = Readonly<Record<string, Handler>>

/**
 * A route: a declared operation's method, path template (`{name}` segments) and operationId, with the handler
 * the stand-in has for it.
 */
export interface Route {
  readonly method: string
  readonly path: string
  readonly operation: string
  /** `none`: the upload routes check their own auth. */
  readonly auth: 'basic' | 'none'
  readonly handle: Handler
}

/** The stand-in's clock as an ISO 8601 timestamp (what ImageKit's replies carry). */
export const isoNow = (ctx: Ctx): string => new Date(ctx.now()).toISOString()
