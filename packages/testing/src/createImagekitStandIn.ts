import { signJwt } from './internal/auth'
import { sha256Hex } from './internal/digest'
import { makeFaults, type Fault } from './internal/faults'
import { makeHandle, truncated } from './internal/handle'
import { imageInfo, mimeOf } from './internal/imageInfo'
import { makeRateLimiter, type RateLimit } from './internal/rateLimit'
import { fileNameOf, isBadFolderPath, isDotName } from './internal/names'
import {
  clearState,
  filePathOf,
  makeState,
  normaliseFolder,
  putFile,
  type State,
  type StoredFile,
} from './internal/state'

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
  /**
   * A rate limit per key from the start (see {@link RateLimit}; `setRateLimit` changes it later). A limit that
   * is not one throws a `TypeError`.
   * @default none
   */
  readonly rateLimit?: RateLimit
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
  /**
   * Replaces the rate limit (`undefined` lifts it) and starts every key's window afresh; a limit that is not
   * one throws a `TypeError`.
   */
  readonly setRateLimit: (limit: RateLimit | undefined) => void
  /** Signs a v2 upload JWT with the stand-in's keys: `claims` are the form fields plus `iat`/`exp`. */
  readonly signUploadToken: (claims: Readonly<Record<string, unknown>>) => string
  /**
   * Forgets every file, folder, job, field, record, used token, fault and logged request; the rate limit goes
   * back to the one given at creation, its windows afresh.
   */
  readonly reset: () => void
}

/** How {@link StandIn.files} shows a stored file. */
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

/** Stores `input` as an upload with `useUniqueFileName: false` would (a name an upload refuses throws). */
const addFileTo = (state: State, now: () => number, input: AddFileInput): StoredFile => {
  const fileName = fileNameOf(input.fileName)
  if (fileName === '' || isDotName(fileName))
    throw new TypeError(`addFile: ImageKit refuses the fileName ${JSON.stringify(input.fileName)}.`)
  if (input.folder !== undefined && isBadFolderPath(input.folder))
    throw new TypeError(`addFile: ImageKit refuses the folder ${JSON.stringify(input.folder)}.`)
  const bytes = input.bytes ?? new Uint8Array(0)
  const image = imageInfo(bytes)
  const at = new Date(now()).toISOString()
  return putFile(state, normaliseFolder(input.folder ?? '/'), fileName, {
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
}

/**
 * Creates a stateful, offline ImageKit: uploads (v1 and v2), files, versions, folders and bulk jobs, tags,
 * custom metadata, purges, saved extensions, named transformations, origins, URL endpoints and usage, with
 * ImageKit's auth, error bodies, `x-request-id` and CORS, and faults or a rate limit on demand. Use `standIn.fetch` as the `fetch` in config, or
 * `listen()` from `@imagekit-fp/testing/node` for a loopback server. It never prints anything.
 *
 * @param options - keys, URL endpoint, clock, how long jobs stay pending and a rate limit; each has a default.
 * @returns the stand-in: `fetch`, inspection helpers (`files()`, `requests()`), `addFile`, `inject`,
 *   `setRateLimit`, `reset`.
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
  const rateLimit = makeRateLimiter(now, options.rateLimit)
  let log: StandInRequest[] = []

  const handle = makeHandle({
    state,
    keys,
    urlEndpoint,
    pendingReads,
    now,
    faults,
    rateLimit,
    log: (entry) => {
      log.push(entry)
    },
  })

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
    addFile: (input) => view(addFileTo(state, now, input)),
    inject: faults.add,
    setRateLimit: rateLimit.set,
    signUploadToken: (claims) => signJwt(keys, { ...claims }),
    reset: () => {
      clearState(state)
      faults.clear()
      rateLimit.set(options.rateLimit)
      log = []
    },
  }
}
