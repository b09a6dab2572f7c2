// The code both sides run: bundled by esbuild for the page (browser conditions, everything inlined) and for
// Node (`node` conditions, packages left as imports of the BUILT dist), so a test compares the same calls.
// Everything crosses page.evaluate, so inputs and results are plain data: a clock is a number of ms, a
// file is described and built on the spot, an error's `cause` is reduced to its name and message.
import * as url from '@imagekit-fp/url'
import * as utils from '@imagekit-fp/utils'
import { upload, type UploadConfig, type UploadRequest } from '@imagekit-fp/upload'

/** The pure functions a {@link Call} may name. */
export type CallName =
  | 'buildUrl'
  | 'signUrl'
  | 'buildTransformationString'
  | 'getResponsiveImageAttributes'
  | 'getAuthenticationParameters'
  | 'phashDistance'
  | 'verifyWebhook'

const functions: Readonly<Record<CallName, (...args: never[]) => unknown>> = {
  buildUrl: url.buildUrl,
  signUrl: url.signUrl,
  buildTransformationString: url.buildTransformationString,
  getResponsiveImageAttributes: url.getResponsiveImageAttributes,
  getAuthenticationParameters: utils.getAuthenticationParameters,
  phashDistance: utils.phashDistance,
  verifyWebhook: utils.verifyWebhook,
}

/** One pure call described as data. `nowMs` becomes `args[0].now = () => nowMs` (the config's clock). */
export interface Call {
  readonly fn: CallName
  readonly args: readonly unknown[]
  readonly nowMs?: number
}

/** Runs a {@link Call} (a throw, which the contract forbids, comes back as `{ thrown }`). */
export const call = (c: Call): unknown => {
  const args = [...c.args]
  if (c.nowMs !== undefined) {
    const ms = c.nowMs
    args[0] = { ...(args[0] as object), now: () => ms }
  }
  try {
    return (functions[c.fn] as (...a: unknown[]) => unknown)(...args)
  } catch (e) {
    return { thrown: String(e) }
  }
}

/** The file to upload, built where the upload runs. */
export type FileSpec =
  | { readonly kind: 'file'; readonly size: number; readonly name: string; readonly type: string }
  | { readonly kind: 'blob'; readonly size: number }
  | { readonly kind: 'bytes'; readonly size: number }
  | { readonly kind: 'text'; readonly value: string }
  /** A `ReadableStream` of the same bytes, in chunks of 64 KiB. */
  | { readonly kind: 'stream'; readonly size: number }
  /** A Blob of `size` zero bytes, made at once (for bodies of many MiB). */
  | { readonly kind: 'zeros'; readonly size: number }

/** An upload described as data. */
export interface UploadCase {
  readonly config: Omit<UploadConfig, 'fetch' | 'now'>
  readonly file: FileSpec
  /** Every request field but `file`, `onUploadProgress` and `signal`. */
  readonly request: Omit<UploadRequest, 'file' | 'onUploadProgress' | 'signal'> | Record<string, unknown>
  /** Record `onUploadProgress` calls. */
  readonly progress?: boolean
  /** `'before'`: the signal is aborted before the upload starts; a string: abort later with {@link abort}. */
  readonly abort?: 'before' | { readonly id: string }
  /** Record every call of the global `fetch` made during the upload, in {@link UploadOutcome.fetches}. */
  readonly watchFetch?: boolean
}

/** One call of the global `fetch`: how it ended (`status 200`, or the rejection's name and message). */
export interface FetchCall {
  readonly method: string
  readonly outcome: string
}

/** What an upload gave: its Either (error `cause` made plain) and every progress report, in order. */
export interface UploadOutcome {
  readonly result: unknown
  readonly progress: readonly { readonly loaded: number; readonly total?: number }[]
  /** Only with `watchFetch`: every call of the global `fetch`, in order. */
  readonly fetches?: readonly FetchCall[]
}

const makeFile = (spec: FileSpec): UploadRequest['file'] => {
  if (spec.kind === 'text') return spec.value
  if (spec.kind === 'zeros') return new Blob([new Uint8Array(spec.size)])
  // Bytes 0, 1, …, 255, 0, … so that a shifted or truncated body would be visible.
  const bytes = Uint8Array.from({ length: spec.size }, (_, i) => i % 256)
  if (spec.kind === 'bytes') return bytes
  if (spec.kind === 'stream') {
    let at = 0
    return new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (at >= bytes.length) return controller.close()
        controller.enqueue(bytes.slice(at, (at += 65_536)))
      },
    })
  }
  if (spec.kind === 'blob') return new Blob([bytes])
  return new File([bytes], spec.name, { type: spec.type })
}

/** An error's name and message (a Timeout's cause is already a plain `{ name, message }`); else its text. */
const plainCause = (cause: unknown): unknown =>
  cause instanceof Error ||
  (typeof DOMException === 'function' && cause instanceof DOMException) ||
  (typeof cause === 'object' &&
    cause !== null &&
    typeof (cause as { name?: unknown }).name === 'string' &&
    typeof (cause as { message?: unknown }).message === 'string')
    ? { name: (cause as Error).name, message: (cause as Error).message }
    : cause === undefined
      ? undefined
      : String(cause)

const plainResult = (r: { readonly _tag: string; readonly left?: unknown; readonly right?: unknown }) =>
  r._tag === 'Left' && typeof r.left === 'object' && r.left !== null && 'cause' in r.left
    ? { _tag: 'Left', left: { ...r.left, cause: plainCause(r.left.cause) } }
    : r

// Held by id so that a second page.evaluate can abort an upload that is still running.
const controllers = new Map<string, AbortController>()

/** Runs an {@link UploadCase}. */
export const runUpload = async (c: UploadCase): Promise<UploadOutcome> => {
  const progress: { loaded: number; total?: number }[] = []
  const controller = new AbortController()
  if (c.abort === 'before') controller.abort()
  else if (c.abort !== undefined) controllers.set(c.abort.id, controller)
  const request = {
    ...c.request,
    file: makeFile(c.file),
    ...(c.progress === true
      ? { onUploadProgress: (p: { loaded: number; total?: number }) => progress.push(p) }
      : {}),
    ...(c.abort === undefined ? {} : { signal: controller.signal }),
  } as UploadRequest
  const fetches: FetchCall[] = []
  const original = globalThis.fetch
  if (c.watchFetch === true)
    globalThis.fetch = async (input, init) => {
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET')
      try {
        const res = await original(input, init)
        fetches.push({ method, outcome: `status ${res.status}` })
        return res
      } catch (e) {
        const { name, message } = e as Error
        fetches.push({ method, outcome: `${name}: ${message}` })
        throw e
      }
    }
  try {
    const result = await upload(c.config, request)()
    return { result: plainResult(result), progress, ...(c.watchFetch === true ? { fetches } : {}) }
  } finally {
    globalThis.fetch = original
    if (c.abort !== undefined && c.abort !== 'before') controllers.delete(c.abort.id)
  }
}

/** Aborts the running upload started with `abort: { id }`; false when there is none. */
export const abort = (id: string): boolean => {
  const controller = controllers.get(id)
  controller?.abort()
  return controller !== undefined
}

/** What the page can see of a Node-only escape hatch (the bundle must find none). */
export const runtimeProbe = (): { readonly process: string; readonly getBuiltinModule: string } => {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  let getBuiltinModule = 'absent'
  if (typeof p?.getBuiltinModule === 'function') {
    try {
      getBuiltinModule = typeof p.getBuiltinModule('node:crypto')
    } catch (e) {
      getBuiltinModule = `threw ${String(e)}`
    }
  }
  return { process: typeof p, getBuiltinModule }
}

/** Everything the page exposes as `globalThis.__ik`. */
export const api = { call, runUpload, abort, runtimeProbe }
export type Api = typeof api
