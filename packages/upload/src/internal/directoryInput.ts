// The input checks of `uploadDirectory`, run before anything is read, sent or written: the config and the shared
// upload options as `upload` checks them, the options one by one (paths under `options`).
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { request } from '@imagekit-fp/utils/http'
import {
  attempt,
  fail,
  fields,
  integer,
  isFunction,
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
  type RateGate,
} from '@imagekit-fp/internal'
import { prepareUpload } from './validate'
import { nameProblem } from './walk'
import { UploadResult } from '../model/UploadResult'
import { v1Auth, type UploadConfig } from '../upload'
import type { UploadDirectoryOptions, UploadDirectoryOutcome } from '../uploadDirectory'

const KEYS = [
  'folder',
  'concurrency',
  'gate',
  'signal',
  'onProgress',
  'onItem',
  'keep',
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

const fn =
  <F>(): Check<F> =>
  (u, path) => {
    need(isFunction(u), path, 'must be a function')
    return u as F
  }

const gateCheck: Check<RateGate> = (u, path) => {
  need(isPlainObject(u), path, 'must be a gate from createRateGate')
  for (const key of ['whenOpen', 'closeUntil'] as const)
    fn()(read(u, key, `${path}.${key}`), `${path}.${key}`)
  return u as RateGate
}

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

/** Checks the shared upload options (and `config`) as `upload` would, with a stand-in file; nothing is sent. */
const sharedCheck =
  (config: unknown): Check<Record<string, unknown>> =>
  (u, path) => {
    const shared = u === undefined ? {} : u
    need(isPlainObject(shared), path, 'must be a plain object')
    for (const key of NOT_SHARED)
      need(read(shared, key, `${path}.${key}`) === undefined, `${path}.${key}`, 'is set by uploadDirectory')
    const probe = prepareUpload(config, { ...shared, file: new Uint8Array(0), fileName: 'probe' }, v1Auth)
    if (probe._tag === 'Left') {
      const at = probe.left.path
      fail(at.startsWith('request') ? path + at.slice('request'.length) : at, probe.left.message)
    }
    return shared as Record<string, unknown>
  }

/** The checked `dir` and options (`folder` as its segments, `shared`: the upload options for every file). */
export const checkInput = (config: unknown, dir: unknown, options: unknown) =>
  attempt(
    () => {
      need(typeof dir === 'string' && dir !== '', 'dir', 'must be a non-empty string')
      const field = fields<UploadDirectoryOptions>(options, 'options')
      onlyKeys(options as object, KEYS, 'options')
      return {
        dir,
        folder: field('folder', folderCheck),
        concurrency: field('concurrency', optional(integer(1, 64))) ?? 4,
        gate: field('gate', optional(gateCheck)),
        signal: field('signal', optional(checkSignal)),
        onProgress: field('onProgress', optional(fn<(p: BulkProgress) => void>())),
        onItem: field('onItem', optional(fn<(o: UploadDirectoryOutcome) => void>())),
        keep: field('keep', optional(oneOf(['all', 'failed']))),
        manifest: field('manifest', optional(nonEmptyString)),
        filter: field('filter', optional(fn<(path: string) => boolean>())),
        shared: field('uploadOptions', sharedCheck(config)),
      }
    },
    'options',
    validationError,
  )

/**
 * The config's transport fields (upload base URL, timeout, retry, …) checked as a send checks them, or the first
 * problem. The probe's signal is aborted before it starts, so nothing is fetched.
 */
export const checkTransport = async (config: UploadConfig): Promise<ValidationError | undefined> => {
  const stop = new AbortController()
  stop.abort()
  const probe = await request(config, {
    method: 'POST',
    base: 'upload',
    path: '/api/v1/files/upload',
    auth: 'basic',
    codec: UploadResult,
    signal: stop.signal,
  })()
  return probe._tag === 'Left' && probe.left._tag === 'ValidationError' ? probe.left : undefined
}
