// uploadMany's pieces: its options checked before any request is read, the small reference and the size of each
// request (never the request itself: it holds the file's bytes), and the fresh client-side auth of each request.
import type { either } from 'fp-ts'
import { networkError, validationError, type ValidationError } from '@imagekit-fp/utils'
import {
  BULK_OPTION_KEYS,
  bulkOptions,
  callback,
  isFunction,
  isInstance,
  isObject,
  left,
  onlyKeys,
  optional,
  prepare,
  readProp,
  right,
  type CheckedBulkOptions,
} from '@imagekit-fp/internal'
import type { UploadError } from '../upload'
import type { UploadManyAuth, UploadManyRef } from '../uploadMany'

/** uploadMany's options once checked, defaults filled in. */
export interface ManyOptions<P, O> extends CheckedBulkOptions<P, O> {
  readonly auth: ((signal: AbortSignal) => Promise<unknown>) | undefined
}

const KEYS = [...BULK_OPTION_KEYS, 'auth']

/** Checks uploadMany's `options` (`undefined` is `{}`); the first problem is a Left at `options.<key>`. */
export const checkOptions = <P, O>(options: unknown): either.Either<ValidationError, ManyOptions<P, O>> =>
  prepare<unknown, ManyOptions<P, O>, ValidationError>(
    options === undefined ? {} : options,
    (field) => {
      onlyKeys((options ?? {}) as object, KEYS, 'options')
      return {
        ...bulkOptions<P, O>(field),
        auth: field('auth', optional(callback)) as ((signal: AbortSignal) => Promise<unknown>) | undefined,
      }
    },
    validationError,
    'options',
  )

/** Whether `u` can be read with `for await`: an Iterable or AsyncIterable that is not a string. */
export const isIterable = (u: unknown): u is Iterable<unknown> | AsyncIterable<unknown> => {
  try {
    return (
      isObject(u) &&
      (isFunction((u as AsyncIterable<unknown>)[Symbol.asyncIterator]) ||
        isFunction((u as Iterable<unknown>)[Symbol.iterator]))
    )
  } catch {
    return false
  }
}

/** `{ fileName, folder? }` of a request, from what can be read of it (a request that is not valid fails later). */
export const refOf = (request: unknown): UploadManyRef => {
  const fileName = isObject(request) ? readProp(request, 'fileName')?.value : undefined
  const folder = isObject(request) ? readProp(request, 'folder')?.value : undefined
  return {
    fileName: typeof fileName === 'string' ? fileName : '',
    ...(typeof folder === 'string' ? { folder } : {}),
  }
}

/** The size of a request's file in bytes when it is known (a Blob, bytes, base64 text), else `undefined`. */
export const sizeOf = (request: unknown): number | undefined => {
  const file = isObject(request) ? readProp(request, 'file')?.value : undefined
  try {
    if (isInstance(file, globalThis.Blob)) return (file as Blob).size
    if (isInstance(file, globalThis.ArrayBuffer) || ArrayBuffer.isView(file))
      return (file as ArrayBuffer).byteLength
    if (typeof file !== 'string' || /^https?:/i.test(file)) return undefined
    // Base64 text (or a data URL's): 3 bytes per 4 characters, less the padding; no decoded copy is made.
    const base64 = /^data:/i.test(file) ? file.slice(file.indexOf(',') + 1) : file
    const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
    return Math.floor(((base64.length - pad) * 3) / 4)
  } catch {
    return undefined
  }
}

const ERRORS = ['ValidationError', 'HttpError', 'NetworkError', 'DecodeError']

/** Marks the abort of a wait for `auth` (told apart from what `auth` itself throws). */
const ABORTED: unique symbol = Symbol('aborted')
const AUTH = 'must resolve to { token, signature, expire } (or a Right of it)'

/**
 * Calls `auth` once, for one request: the auth fields to send with it, or the error that fails it (one of ours
 * from a Left as it is; a throw, a rejection or another Left as a NetworkError, its cause kept).
 */
export const freshAuth = async (
  auth: (signal: AbortSignal) => Promise<unknown>,
  signal: AbortSignal,
): Promise<either.Either<UploadError, UploadManyAuth>> => {
  let got: unknown
  let stop: () => void = () => undefined
  try {
    // Raced with the signal: an abort ends the wait for your server, whether or not `auth` listens to it.
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(ABORTED)
      if (signal.aborted) onAbort()
      signal.addEventListener('abort', onAbort, { once: true })
      stop = () => signal.removeEventListener('abort', onAbort)
    })
    got = await Promise.race([Promise.resolve().then(() => auth(signal)), aborted])
  } catch (e) {
    if (e === ABORTED)
      return left(networkError('Aborted', 'aborted while waiting for options.auth', signal.reason))
    return left(networkError('Transport', 'options.auth failed: no upload credentials for this file', e))
  } finally {
    stop()
  }
  const tag = isObject(got) ? readProp(got, '_tag')?.value : undefined
  if (tag === 'Left') {
    const e = readProp(got as object, 'left')?.value
    const ours = isObject(e) && ERRORS.includes(readProp(e, '_tag')?.value as string)
    return left(
      ours
        ? (e as UploadError)
        : networkError('Transport', 'options.auth returned a Left: no upload credentials', e),
    )
  }
  const value = tag === 'Right' ? readProp(got as object, 'right')?.value : got
  if (!isObject(value)) return left(validationError('options.auth', AUTH))
  const pick = (k: keyof UploadManyAuth) => readProp(value, k)?.value
  const [token, signature, expire, publicKey] = [
    pick('token'),
    pick('signature'),
    pick('expire'),
    pick('publicKey'),
  ]
  if (token === undefined || signature === undefined || expire === undefined)
    return left(validationError('options.auth', AUTH))
  return right({
    token,
    signature,
    expire,
    ...(publicKey === undefined ? {} : { publicKey }),
  } as UploadManyAuth)
}
