// What a route handler answers, as data; `createImagekitStandIn` turns it into a `Response`.

/** ImageKit's `help` line, sent with every error body. */
export const HELP = 'For support kindly contact us at support@imagekit.io .'

/** A handler's answer: status, JSON body (none for 204) and extra headers. */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** Whether a step answered (a refusal) rather than produced its value. */
export const isReply = (u: unknown): u is Reply => typeof u === 'object' && u !== null && 'status' in u

/** A 2xx answer with a JSON body (or none, for 204). */
export const ok = (body: unknown, status = 200): Reply => (status === 204 ? { status } : { status, body })

/** An error in ImageKit's `{ message, help }` shape, with extra fields (`missingFileIds`, `reason`, …). */
export const fail = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { message, help: HELP, ...extra },
})

/** The 404 ImageKit sends for an unknown file id. */
export const fileNotFound = (): Reply =>
  fail(404, 'The requested file does not exist.', { reason: 'FILE_NOT_FOUND' })
