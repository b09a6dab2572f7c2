import { accountRoutes } from './internal/account'
import { checkBasic, signJwt } from './internal/auth'
import type { Ctx, Route, UploadedFile } from './internal/context'
import { sha256Hex } from './internal/digest'
import { faultReply, makeFaults, type Fault } from './internal/faults'
import { fileRoutes } from './internal/files'
import { folderRoutes } from './internal/folders'
import { imageInfo, mimeOf } from './internal/imageInfo'
import { fileNameOf, isBadFolderPath, isDotName } from './internal/names'
import { fail, type Reply } from './internal/reply'
import {
  clearState,
  filePathOf,
  makeState,
  normaliseFolder,
  putFile,
  type StoredFile,
} from './internal/state'
import { uploadHandler } from './internal/upload'

/**
 * Options of {@link createImagekitStandIn}; each has a default that the stand-in exposes.
 *
 * @since 0.1.0
 * @category model
 */
export interface StandInOptions {
  /** @default 'private_standin_key' */
  readonly privateKey?: string
  /** @default 'public_standin_key' */
  readonly publicKey?: string
  /** Where file URLs point. @default 'https://ik.imagekit.io/standin' */
  readonly urlEndpoint?: string
  /** Clock in milliseconds (token expiry, `createdAt`, `"7d"` in searches). @default Date.now */
  readonly now?: () => number
  /** How many status reads a bulk job or purge request answers `Pending` before `Completed`. @default 1 */
  readonly pendingReads?: number
}

/**
 * One call the stand-in received (the `Authorization` header is not kept; `auth` says what kind it was).
 *
 * @since 0.1.0
 * @category model
 */
export interface StandInRequest {
  readonly method: string
  /** Path and query, e.g. `/v1/files?limit=10`. */
  readonly path: string
  /** The spec's operationId (`upload-file`, `get-file-details`, …), or `unknown`. */
  readonly operation: string
  readonly status: number
  readonly auth: 'basic' | 'client' | 'none'
  /** The JSON body, or the multipart text fields of an upload (the file itself is not kept). */
  readonly body?: unknown
  /**
   * An upload's `file` part: its size in bytes (decoded, for base64 or a data URL), and for a binary part its
   * filename and content type.
   */
  readonly file?: { readonly size: number; readonly filename?: string; readonly type?: string }
  /** The fault that was injected into this call, if any. */
  readonly fault?: Fault
}

/**
 * A stored file as {@link StandIn.files} shows it: the API's File object plus its bytes and hash.
 *
 * @since 0.1.0
 * @category model
 */
export interface StandInFile {
  readonly fileId: string
  readonly name: string
  readonly filePath: string
  readonly size: number
  readonly mime: string
  readonly sha256: string
  readonly width?: number
  readonly height?: number
  readonly bytes: Uint8Array
  readonly tags: readonly string[] | null
  readonly customMetadata: Readonly<Record<string, unknown>>
  readonly isPrivateFile: boolean
  readonly isPublished: boolean
  /** Versions, the current one included. */
  readonly versionCount: number
}

/**
 * What a call resolves to before it becomes a `Response`: an answer (possibly to be cut short) or a dropped
 * connection. `listen()` in `@imagekit-fp/testing/node` turns each into real socket behaviour.
 *
 * @since 0.1.0
 * @category model
 */
export type StandInOutcome =
  | { readonly kind: 'response'; readonly response: Response; readonly truncate: boolean }
  | { readonly kind: 'reset' }

/**
 * Input of {@link StandIn.addFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface AddFileInput {
  readonly fileName: string
  /** @default '/' */
  readonly folder?: string
  /** @default empty */
  readonly bytes?: Uint8Array
  readonly tags?: readonly string[]
  readonly customMetadata?: Readonly<Record<string, unknown>>
}

/**
 * An in-memory ImageKit account.
 *
 * @since 0.1.0
 * @category model
 */
export interface StandIn {
  readonly privateKey: string
  readonly publicKey: string
  readonly urlEndpoint: string
  /** A `fetch` to inject in config (`{ fetch: standIn.fetch }`): every URL, whatever its host, reaches the stand-in. */
  readonly fetch: typeof fetch
  /** The same call as `fetch`, before it becomes a `Response` (what `listen()` serves). */
  readonly handle: (request: Request) => Promise<StandInOutcome>
  /** The stored files, in creation order. */
  readonly files: () => readonly StandInFile[]
  /** Every call received since creation or the last `reset()`, oldest first. */
  readonly requests: () => readonly StandInRequest[]
  /**
   * Stores a file directly, without a request (test setup; 100,000 files take well under a second). The name is
   * stored as an upload with `useUniqueFileName: false` stores it; a name an upload refuses (`.`, `..`, a folder
   * with `.`/`..` segments or control characters) throws a `TypeError`.
   */
  readonly addFile: (input: AddFileInput) => StandInFile
  /** Arms a fault for the next matching calls. */
  readonly inject: (fault: Fault) => void
  /** Signs a v2 upload JWT with the stand-in's keys: `claims` are the form fields plus `iat`/`exp`. */
  readonly signUploadToken: (claims: Readonly<Record<string, unknown>>) => string
  /** Forgets every file, folder, job, field, record, used token, fault and logged request. */
  readonly reset: () => void
}

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/api/v1/files/upload',
    operation: 'upload-file',
    auth: 'none',
    handle: uploadHandler('signature'),
  },
  {
    method: 'POST',
    pattern: '/api/v2/files/upload',
    operation: 'upload-file-v2',
    auth: 'none',
    handle: uploadHandler('jwt'),
  },
  ...accountRoutes,
  ...folderRoutes,
  ...fileRoutes,
]

/** CORS as upload.imagekit.io answers it (any origin), on every route. */
const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers':
    'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-reset, x-ratelimit-interval',
  'access-control-max-age': '600',
}

const match = (
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined => {
  const segments = path.split('/')
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const pattern = route.pattern.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    const hit = pattern.every((p, i) => {
      const s = segments[i]!
      if (p.startsWith(':')) {
        if (s === '') return false
        try {
          params[p.slice(1)] = decodeURIComponent(s)
        } catch {
          return false
        }
        return true
      }
      return p === s
    })
    if (hit) return { route, params }
  }
  return undefined
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
const truncated = async (response: Response): Promise<Response> => {
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

/**
 * Creates a stateful, offline ImageKit: uploads (v1 and v2), files, versions, folders and bulk jobs, tags,
 * custom metadata, purges, saved extensions, named transformations, origins, URL endpoints and usage, with
 * ImageKit's auth, error bodies, `x-request-id` and CORS. Use `standIn.fetch` as the `fetch` in config, or
 * `listen()` from `@imagekit-fp/testing/node` for a loopback server. It never prints anything.
 *
 * @param options - keys, URL endpoint, clock and how long jobs stay pending; each has a default.
 * @returns the stand-in: `fetch`, inspection helpers (`files()`, `requests()`), `addFile`, `inject`, `reset`.
 * @example
 * import { createImagekitStandIn } from '@imagekit-fp/testing'
 *
 * const standIn = createImagekitStandIn()
 * const res = await standIn.fetch('https://api.imagekit.io/v1/files', {
 *   headers: { authorization: `Basic ${btoa(`${standIn.privateKey}:`)}` },
 * })
 * // res.status === 200, await res.json() deep-equals []
 * @since 0.1.0
 * @category constructors
 */
export const createImagekitStandIn = (options: StandInOptions = {}): StandIn => {
  const keys = {
    privateKey: options.privateKey ?? 'private_standin_key',
    publicKey: options.publicKey ?? 'public_standin_key',
  }
  const urlEndpoint = (options.urlEndpoint ?? 'https://ik.imagekit.io/standin').replace(/\/+$/, '')
  const now = options.now ?? Date.now
  const pendingReads = options.pendingReads ?? 1
  const state = makeState()
  const faults = makeFaults()
  let log: StandInRequest[] = []

  const respond = (reply: Reply, requestId: string): Response => {
    const headers = new Headers({ ...CORS, 'x-request-id': requestId, ...reply.headers })
    if (reply.body === undefined) return new Response(null, { status: reply.status, headers })
    headers.set('content-type', 'application/json; charset=utf-8')
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers })
  }

  const handle = async (request: Request): Promise<StandInOutcome> => {
    const url = new URL(request.url)
    const requestId = state.ids.uuid()
    if (request.method === 'OPTIONS') {
      return {
        kind: 'response',
        response: new Response(null, { status: 204, headers: CORS }),
        truncate: false,
      }
    }
    const found = match(request.method, url.pathname)
    const operation = found?.route.operation ?? 'unknown'
    const authorization = request.headers.get('authorization')
    const entry = { method: request.method, path: `${url.pathname}${url.search}`, operation }
    let file: UploadedFile | undefined
    const record = (status: number, body: unknown, fault?: Fault) => {
      log.push({
        ...entry,
        status,
        auth:
          authorization !== null
            ? 'basic'
            : operation.startsWith('upload-file') && body !== undefined
              ? 'client'
              : 'none',
        ...(body === undefined ? {} : { body }),
        ...(file === undefined ? {} : { file }),
        ...(fault === undefined ? {} : { fault }),
      })
    }

    const fault = faults.take(operation)
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

    let body: unknown
    let reply: Reply
    try {
      if (found === undefined) {
        reply = fail(404, 'The requested resource does not exist.')
      } else {
        const denied = found.route.auth === 'basic' ? checkBasic(keys, authorization) : undefined
        let json: unknown
        let badJson = false
        if (denied === undefined && found.route.auth === 'basic') {
          const text = await request.text()
          if (text.trim() !== '') {
            try {
              json = JSON.parse(text)
              body = json
            } catch {
              badJson = true
            }
          }
        }
        if (denied !== undefined) reply = denied
        else if (badJson) reply = fail(400, 'Your request contains invalid JSON.')
        else {
          const note = (b: unknown) => {
            body = b
          }
          const noteFile = (f: UploadedFile) => {
            file = f
          }
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
            note,
            noteFile,
          }
          reply = await found.route.handle(ctx)
        }
      }
    } catch (e) {
      // An aborted call rejects, as fetch does. Otherwise, as a last resort, whatever a handler throws becomes
      // an answer, never a rejected fetch or a dropped socket.
      if (request.signal.aborted) throw e
      const why = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '')
      reply = fail(500, `The stand-in could not handle this request: ${why}.`)
    }
    record(reply.status, body, fault)
    return { kind: 'response', response: respond(reply, requestId), truncate: fault?.truncate === true }
  }

  const view = (f: StoredFile): StandInFile => {
    const v = f.current
    return {
      fileId: f.fileId,
      name: f.name,
      filePath: filePathOf(f),
      size: v.bytes.length,
      mime: v.mime,
      sha256: v.sha256,
      ...(v.image === undefined ? {} : { width: v.image.width, height: v.image.height }),
      bytes: v.bytes,
      tags: v.tags,
      customMetadata: v.customMetadata,
      isPrivateFile: v.isPrivateFile,
      isPublished: v.isPublished,
      versionCount: f.versions.length + 1,
    }
  }

  const standInFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const outcome = await handle(new Request(input, init))
    if (outcome.kind === 'reset')
      throw new TypeError('fetch failed', { cause: new Error('socket hang up (injected reset)') })
    return outcome.truncate ? truncated(outcome.response) : outcome.response
  }

  return {
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    urlEndpoint,
    fetch: standInFetch as typeof fetch,
    handle,
    files: () => [...state.files.values()].map(view),
    requests: () => [...log],
    addFile: (input) => {
      const fileName = fileNameOf(input.fileName)
      if (fileName === '' || isDotName(fileName))
        throw new TypeError(`addFile: ImageKit refuses the fileName ${JSON.stringify(input.fileName)}.`)
      if (input.folder !== undefined && isBadFolderPath(input.folder))
        throw new TypeError(`addFile: ImageKit refuses the folder ${JSON.stringify(input.folder)}.`)
      const bytes = input.bytes ?? new Uint8Array(0)
      const image = imageInfo(bytes)
      const at = new Date(now()).toISOString()
      const f = putFile(state, normaliseFolder(input.folder ?? '/'), fileName, {
        versionId: '',
        versionNumber: 0,
        bytes,
        mime: image?.mime ?? mimeOf(fileName),
        sha256: sha256Hex(bytes),
        image,
        tags: input.tags === undefined || input.tags.length === 0 ? null : [...input.tags],
        AITags: null,
        customCoordinates: null,
        customMetadata: { ...input.customMetadata },
        description: undefined,
        isPrivateFile: false,
        isPublished: true,
        createdAt: at,
        updatedAt: at,
      })
      return view(f)
    },
    inject: faults.add,
    signUploadToken: (claims) => signJwt(keys, { ...claims }),
    reset: () => {
      clearState(state)
      faults.clear()
      log = []
    },
  }
}
