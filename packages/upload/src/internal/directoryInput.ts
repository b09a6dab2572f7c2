// The input checks of `uploadDirectory`, run before anything is read, sent or written: the options one by one
// (paths under `options`; the bulk ones as uploadMany checks them), then the config and the upload options shared
// by every file, checked by `upload` itself.
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import {
  attempt,
  fields,
  integer,
  isPlainObject,
  need,
  nonEmptyString,
  oneOf,
  onlyKeys,
  optional,
  read,
  signal as checkSignal,
  type BulkProgress,
  type Check,
} from '@imagekit-fp/internal'
import { fn, gate } from './many'
import { nameProblem } from './walk'
import { upload, type UploadConfig } from '../upload'
import type { UploadRequest } from '../model/UploadRequest'
import type { UploadDirectoryOptions, UploadDirectoryOutcome } from '../uploadDirectory'

const KEYS = [
  'folder',
  'concurrency',
  'gate',
  'signal',
  'onProgress',
  'onItem',
  'keep',
  'maxRateLimitRounds',
  'manifest',
  'uploadOptions',
  'filter',
] as const satisfies readonly (keyof UploadDirectoryOptions)[]

/** Request fields that `uploadDirectory` sets itself, or that cannot be shared by many uploads. */
const NOT_SHARED = [
  'file',
  'fileName',
  'folder',
  'signal',
  'onUploadProgress',
  'publicKey',
  'token',
  'signature',
  'expire',
]

/** The folder, as its non-empty segments; each must be a usable ImageKit folder name. */
const folderCheck: Check<readonly string[]> = (u, path) => {
  const segments = nonEmptyString(u, path)
    .split('/')
    .filter((s) => s !== '')
  for (const s of segments) {
    const problem = nameProblem(s)
    need(problem === undefined, path, problem ?? '')
  }
  return segments
}

/** The upload options for every file: a plain object without the fields each upload sets. */
const sharedCheck: Check<Readonly<Record<string, unknown>>> = (u, path) => {
  const shared = u === undefined ? {} : u
  need(isPlainObject(shared), path, 'must be a plain object')
  for (const key of NOT_SHARED)
    need(read(shared, key, `${path}.${key}`) === undefined, `${path}.${key}`, 'is set by uploadDirectory')
  return shared as Readonly<Record<string, unknown>>
}

/** The checked `dir` and options (`folder` as its segments, `shared`: the upload options for every file). */
export const checkInput = (dir: unknown, options: unknown) =>
  attempt(
    () => {
      need(typeof dir === 'string' && dir !== '', 'dir', 'must be a non-empty string')
      const field = fields<UploadDirectoryOptions>(options, 'options')
      onlyKeys(options as object, KEYS, 'options')
      return {
        dir,
        folder: field('folder', folderCheck),
        concurrency: field('concurrency', optional(integer(1, 64))) ?? 4,
        gate: field('gate', optional(gate)),
        signal: field('signal', optional(checkSignal)),
        onProgress: field('onProgress', optional(fn)) as ((p: BulkProgress) => void) | undefined,
        onItem: field('onItem', optional(fn)) as ((o: UploadDirectoryOutcome) => void) | undefined,
        keep: field('keep', optional(oneOf(['all', 'failed']))),
        maxRateLimitRounds: field('maxRateLimitRounds', optional(integer(0, 100))),
        manifest: field('manifest', optional(nonEmptyString)),
        filter: field('filter', optional(fn)) as ((path: string) => boolean) | undefined,
        shared: field('uploadOptions', sharedCheck),
      }
    },
    'options',
    validationError,
  )

/**
 * The config and the shared upload options, checked by `upload` itself (its request checks, then the transport's)
 * on a request whose signal is already aborted, so nothing is sent. A problem in the upload options is named under
 * `options.uploadOptions`.
 */
export const checkShared = async (
  config: unknown,
  shared: Readonly<Record<string, unknown>>,
): Promise<ValidationError | undefined> => {
  const checked = await upload(
    config as UploadConfig,
    {
      ...shared,
      file: new Uint8Array(0),
      fileName: 'check',
      signal: AbortSignal.abort(),
    } as UploadRequest,
  )()
  if (checked._tag === 'Right' || checked.left._tag !== 'ValidationError') return undefined
  const { path, message } = checked.left
  return path === 'request' || path.startsWith('request.') || path.startsWith('request[')
    ? validationError(`options.uploadOptions${path.slice('request'.length)}`, message)
    : checked.left
}
