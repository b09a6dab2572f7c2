// How the stand-in answers one call: CORS preflight, injected faults, the rate limit, route lookup, auth and
// JSON body, the route's handler, the request log, then the `Response`.
import type { StandInOutcome, StandInRequest } from '../createImagekitStandIn'
import { basicKeyOf, checkBasic, type Keys } from './auth'
import type { Ctx, UploadedFile } from './context'
import { faultReply, type Fault, type Faults } from './faults'
import { fail, type Reply } from './reply'
import type { RateLimiter } from './rateLimit'
import { match, type Match } from './routes'
import type { State } from './state'

/** What the handler reads and where it logs. */
export interface Env {
  readonly state: State
  readonly keys: Keys
  readonly urlEndpoint: string
  readonly pendingReads: number
  readonly now: () => number
  readonly faults: Faults
  readonly rateLimit: RateLimiter
  readonly log: (entry: StandInRequest) => void
}

/** CORS as upload.imagekit.io answers it (any origin), on every route. */
const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers':
    'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-reset, x-ratelimit-interval',
  'access-control-max-age': '600',
}

const sleep = (ms: number, signal: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

/** A body that sends its first half, then fails as a cut connection does. */
export const truncated = async (response: Response): Promise<Response> => {
  const bytes = new Uint8Array(await response.arrayBuffer())
  const half = bytes.subarray(0, Math.floor(bytes.length / 2))
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half)
      controller.error(new TypeError('terminated'))
    },
  })
  const headers = new Headers(response.headers)
  headers.set('content-length', String(bytes.length))
  return new Response(body, { status: response.status, headers })
}

const respond = (reply: Reply, requestId: string): Response => {
  const headers = new Headers({ ...CORS, 'x-request-id': requestId, ...reply.headers })
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers })
  headers.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers })
}

/** What a call noted for the log while it was handled. */
interface Noted {
  body?: unknown
  file?: UploadedFile
}

type Recorder = (status: number, body: unknown, fault?: Fault) => void

/** Logs the call (the `Authorization` header only as the kind of auth). */
const recorder = (env: Env, request: Request, url: URL, operation: string, noted: Noted): Recorder => {
  const authorization = request.headers.get('authorization')
  const entry = { method: request.method, path: `${url.pathname}${url.search}`, operation }
  return (status, body, fault) => {
    env.log({
      ...entry,
      status,
      auth:
        authorization !== null
          ? 'basic'
          : operation.startsWith('upload-file') && body !== undefined
            ? 'client'
            : 'none',
      ...(body === undefined ? {} : { body }),
      ...(noted.file === undefined ? {} : { file: noted.file }),
      ...(fault === undefined ? {} : { fault }),
    })
  }
}

/** An injected fault's delay, then its dropped connection or error answer (`undefined`: answer normally). */
const faultOutcome = async (
  fault: Fault | undefined,
  request: Request,
  record: Recorder,
  requestId: string,
): Promise<StandInOutcome | undefined> => {
  if (fault?.delayMs !== undefined) await sleep(fault.delayMs, request.signal)
  if (fault?.reset === true) {
    record(0, undefined, fault)
    return { kind: 'reset' }
  }
  if (fault?.status !== undefined) {
    record(fault.status, undefined, fault)
    return {
      kind: 'response',
      response: respond(faultReply({ ...fault, status: fault.status }), requestId),
      truncate: false,
    }
  }
  return undefined
}

/** Basic auth and the JSON body for `basic` routes, then the route's handler. */
const routed = async (env: Env, request: Request, url: URL, found: Match, noted: Noted): Promise<Reply> => {
  const basic = found.route.auth === 'basic'
  const denied = basic ? checkBasic(env.keys, request.headers.get('authorization')) : undefined
  if (denied !== undefined) return denied
  let json: unknown
  if (basic) {
    const text = await request.text()
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text)
        noted.body = json
      } catch {
        return fail(400, 'Your request contains invalid JSON.')
      }
    }
  }
  const { state, keys, urlEndpoint, pendingReads, now } = env
  const ctx: Ctx = {
    state,
    keys,
    urlEndpoint,
    pendingReads,
    now,
    request,
    url,
    params: found.params,
    json,
    note: (b) => {
      noted.body = b
    },
    noteFile: (f) => {
      noted.file = f
    },
    limit: (key) => (key === undefined ? undefined : env.rateLimit.take(found.route.operation, key)),
  }
  return found.route.handle(ctx)
}

/** The route's answer, a 404 without a route; whatever a handler throws becomes a 500 unless the call was aborted. */
const dispatch = async (
  env: Env,
  request: Request,
  url: URL,
  found: Match | undefined,
  noted: Noted,
): Promise<Reply> => {
  try {
    if (found === undefined) return fail(404, 'The requested resource does not exist.')
    return await routed(env, request, url, found, noted)
  } catch (e) {
    // An aborted call rejects, as fetch does. Otherwise, as a last resort, whatever a handler throws becomes
    // an answer, never a rejected fetch or a dropped socket.
    if (request.signal.aborted) throw e
    const why = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '')
    return fail(500, `The stand-in could not handle this request: ${why}.`)
  }
}

/** The stand-in's `handle`: one call to its outcome. */
export const makeHandle =
  (env: Env) =>
  async (request: Request): Promise<StandInOutcome> => {
    const url = new URL(request.url)
    const requestId = env.state.ids.uuid()
    if (request.method === 'OPTIONS') {
      return {
        kind: 'response',
        response: new Response(null, { status: 204, headers: CORS }),
        truncate: false,
      }
    }
    const found = match(request.method, url.pathname)
    const operation = found?.route.operation ?? 'unknown'
    const noted: Noted = {}
    const record = recorder(env, request, url, operation, noted)
    const fault = env.faults.take(operation)
    const faulted = await faultOutcome(fault, request, record, requestId)
    if (faulted !== undefined) return faulted
    // A Basic-auth call counts against its key's rate limit here; a client-side upload's key is in its body,
    // so the upload handler counts it once the form is read.
    const key = basicKeyOf(env.keys, request.headers.get('authorization'))
    const limited = key === undefined ? undefined : env.rateLimit.take(operation, key)
    if (limited !== undefined) {
      record(limited.status, undefined, fault)
      return { kind: 'response', response: respond(limited, requestId), truncate: false }
    }
    const reply = await dispatch(env, request, url, found, noted)
    record(reply.status, noted.body, fault)
    return { kind: 'response', response: respond(reply, requestId), truncate: fault?.truncate === true }
  }
