import type { either, taskEither } from 'fp-ts'
import { realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { networkError, validationError, type ValidationError } from '@imagekit-fp/utils'
import {
  createRateGate,
  gateFetch,
  isRateLimited,
  left,
  read,
  readNow,
  right,
  runBulk,
  type BulkCallOptions,
  type BulkOutcome,
  type BulkProgress,
  type BulkReport,
} from '@imagekit-fp/internal'
import { fileFromPath } from './fileFromPath'
import {
  loadManifest,
  manifestKey,
  openManifest,
  sha256Of,
  type LoadedManifest,
  type ManifestWriter,
} from './internal/manifest'
import { checkInput, checkShared } from './internal/directoryInput'
import { codeOf } from './internal/codeOf'
import { walk, type WalkEntry } from './internal/walk'
import type { ServerUploadRequest, UploadRequest } from './model/UploadRequest'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'
import { nodeFetch } from './nodeFetch'
import { upload, type UploadConfig, type UploadError } from './upload'

/**
 * The upload options {@link uploadDirectory} applies to every file: a server-side upload request without the
 * fields it sets itself (`file`, `fileName`, `folder`, `signal`) or per-file progress.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadDirectoryUploadOptions = Omit<
  ServerUploadRequest,
  'file' | 'fileName' | 'folder' | 'signal' | 'onUploadProgress'
>

/**
 * Options of {@link uploadDirectory}.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadDirectoryOptions extends BulkCallOptions<
  UploadDirectoryProgress,
  UploadDirectoryOutcome
> {
  /** The ImageKit folder that mirrors `dir`: `a/b/c.jpg` goes to folder `<folder>/a/b` as `c.jpg`. */
  readonly folder: string
  /**
   * Path of a resume manifest (JSON lines, created if absent): each uploaded file is appended as
   * `{"path","filePath","size","sha256","fileId"}`, `filePath` being where ImageKit was asked to store it
   * (`<folder>/<path>`). A later run skips a file only when its path, size, SHA-256 and `filePath` match a line: a
   * run into another `folder` sends every file. A line without `filePath` (an older manifest) never matches.
   * `uploadOptions` are not recorded: a run with other options still skips what the manifest lists.
   *
   * @default no manifest (and no hashing)
   */
  readonly manifest?: string
  /** Upload options for every file (`tags`, `useUniqueFileName`, `customMetadata`, …). */
  readonly uploadOptions?: UploadDirectoryUploadOptions
  /**
   * Which files to upload, by relative path with `/` separators (`a/b/c.jpg`); the others are not in the report.
   *
   * @default every file
   */
  readonly filter?: (relativePath: string) => boolean
}

/**
 * Where an {@link uploadDirectory} stands: files `done`, `failed` and `inFlight`, `bytesDone`, `bytesTotal` once the
 * walk has ended, `elapsedMs`, `etaMs` once it can be estimated, and whether the workers are `waitingForRateLimit`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadDirectoryProgress = BulkProgress

/**
 * Which file an outcome is about: its path relative to `dir` (`/`-separated) and where it goes in ImageKit.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadDirectoryRef {
  readonly path: string
  readonly folder: string
  readonly fileName: string
}

/**
 * A file that the manifest lists with the same path, size, SHA-256 and target (`filePath`): not uploaded again.
 *
 * @since 0.1.0
 * @category model
 */
export interface AlreadyUploaded {
  readonly _tag: 'AlreadyUploaded'
  /** The `fileId` the manifest recorded (`null` for an upload ImageKit had accepted to finish later). */
  readonly fileId: string | null
}

/**
 * One file's outcome: `Done` with its `UploadResult`, `UploadAccepted` or `AlreadyUploaded`, or `Failed`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadDirectoryOutcome = BulkOutcome<
  UploadDirectoryRef,
  UploadResult | UploadAccepted | AlreadyUploaded,
  UploadError
>

/**
 * What {@link uploadDirectory} did: every file it found, exactly once, in `done` or `failed`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadDirectoryReport extends BulkReport<
  UploadDirectoryRef,
  UploadResult | UploadAccepted | AlreadyUploaded,
  UploadError
> {
  /** Set when a manifest line could not be written (the first such error): those files would be sent again. */
  readonly manifestError?: ValidationError
}

/** The `fileId` a failed upload's error says ImageKit stored the file under (a 2xx reply that could not be read). */
const storedId = (e: UploadError): string | undefined => {
  if (e._tag !== 'DecodeError') return undefined
  const body = e.body as { readonly fileId?: unknown } | undefined
  return typeof body?.fileId === 'string' && body.fileId !== '' ? body.fileId : undefined
}

/** The `fileId` to record for an upload's result, or `undefined` when nothing was stored. */
const recordedId = (
  result: either.Either<UploadError, UploadResult | UploadAccepted>,
): string | null | undefined =>
  result._tag === 'Left'
    ? storedId(result.left)
    : result.right._tag === 'UploadResult'
      ? result.right.fileId
      : null

/** The resolved folder to walk, or a ValidationError at `dir`. */
const openRoot = async (dir: string): Promise<either.Either<ValidationError, string>> => {
  try {
    const root = await realpath(dir)
    return (await stat(root)).isDirectory() ? right(root) : left(validationError('dir', 'is not a directory'))
  } catch (e) {
    return left(validationError('dir', `cannot be opened (${codeOf(e)})`))
  }
}

/** A manifest opened for a run: what it lists, where to append, and its own resolved path (never uploaded). */
interface OpenManifest {
  readonly known: LoadedManifest['entries']
  readonly writer: ManifestWriter
  readonly self: string
}

const openFor = async (file: string): Promise<either.Either<ValidationError, OpenManifest>> => {
  try {
    const loaded = await loadManifest(file)
    const writer = await openManifest(file, loaded.torn)
    return right({ known: loaded.entries, writer, self: await realpath(file).catch(() => file) })
  } catch (e) {
    return left(validationError('options.manifest', `cannot be opened (${codeOf(e)})`))
  }
}

type Outcome = either.Either<UploadError, UploadResult | UploadAccepted | AlreadyUploaded>

/**
 * The work for one walk entry: refuse it, skip it when the manifest lists it unchanged, or upload it and append it
 * to the manifest. `failedWrite` is told about a manifest line that could not be written.
 */
const workFor =
  (
    sending: UploadConfig,
    shared: Readonly<Record<string, unknown>>,
    target: (path: string) => UploadDirectoryRef,
    manifest: OpenManifest | undefined,
    failedWrite: (e: unknown) => void,
  ) =>
  async (entry: WalkEntry, signal: AbortSignal): Promise<Outcome> => {
    if (entry.kind === 'refused') return left(entry.error)
    const file = await fileFromPath(entry.real)()
    if (file._tag === 'Left') return left(validationError(entry.path, file.left.message))
    const blob = file.right
    const { folder, fileName } = target(entry.path)
    const filePath = `${folder === '/' ? '' : folder}/${fileName}`
    let sha256 = ''
    if (manifest !== undefined) {
      try {
        sha256 = await sha256Of(blob, signal)
      } catch (e) {
        return left(
          signal.aborted
            ? networkError('Aborted', 'the upload was aborted', signal.reason)
            : validationError(entry.path, `cannot be read (${codeOf(e)})`),
        )
      }
      const prior = manifest.known.get(manifestKey(entry.path, filePath))
      if (prior !== undefined && prior.size === blob.size && prior.sha256 === sha256)
        return right({ _tag: 'AlreadyUploaded', fileId: prior.fileId })
    }
    const request = { ...shared, file: blob, fileName, folder, signal } as UploadRequest
    const result = await upload<UploadConfig>(sending, request)()
    const fileId = recordedId(result)
    if (manifest !== undefined && fileId !== undefined)
      await manifest.writer
        .append(entry.path, { filePath, size: blob.size, sha256, fileId })
        .catch(failedWrite)
    return result
  }

/**
 * Uploads every file below a folder on disk to a folder in ImageKit (Node only, server-side), with bounded
 * concurrency, a shared rate-limit gate and, with `options.manifest`, resume: a second run skips what the first
 * uploaded and retries only the rest.
 *
 * The folder is walked lazily (one open directory per level, never the whole tree in memory); `a/b/c.jpg` goes
 * to `<options.folder>/a/b` as `c.jpg`, streamed from disk. Symbolic links to a file inside `dir` are uploaded
 * under the link's name; a link that leaves `dir` and a name with a backslash or a control character are refused
 * (a `Failed` outcome, `ValidationError` at the relative path); links to directories are not followed (one inside
 * `dir` is walked at its real place) and sockets, FIFOs and devices are skipped. With a manifest, each file is
 * hashed (SHA-256, streamed) before it is sent; a file whose path, size, hash and target in ImageKit match a
 * manifest line is `Done` with an `AlreadyUploaded` result, and each new upload is appended to the manifest as
 * it succeeds. Lines a kill left torn are ignored.
 *
 * @param config - as for `upload`, with `privateKey` (`fetch` defaults to {@link nodeFetch}).
 * @param dir - the folder on disk (a symbolic link to a folder is followed: its target is walked, and "inside
 *   `dir`" means inside that target).
 * @param options - `folder` (required), `concurrency`, `gate`, `signal`, `onProgress`, `onItem`, `keep`,
 *   `maxRateLimitRounds`, `manifest`, `uploadOptions` (for every file) and `filter` ({@link UploadDirectoryOptions}).
 * @returns a TaskEither that never rejects: a `ValidationError` (bad config, `dir` or options, an unreadable
 *   manifest; nothing was sent), or the report in which every file appears exactly once, `Done` or `Failed` with its
 *   `HttpError`, `NetworkError`, `DecodeError` or `ValidationError`.
 * @example
 * import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
 * import { tmpdir } from 'node:os'
 * import { join } from 'node:path'
 * import { uploadDirectory } from '@imagekit-fp/upload/node'
 *
 * const dir = mkdtempSync(join(tmpdir(), 'photos-'))
 * mkdirSync(join(dir, '2024'))
 * writeFileSync(join(dir, '2024', 'a.jpg'), 'a')
 * // A stand-in for ImageKit (use your real config instead).
 * const fetch = async () => Response.json({ fileId: 'file1', name: 'a.jpg' })
 * const report = await uploadDirectory({ privateKey: 'private_xxx', fetch }, dir, {
 *   folder: '/backup',
 *   manifest: join(dir, 'upload.jsonl'), // run it again: nothing is sent twice
 * })()
 * if (report._tag === 'Right') console.log(report.right.done.map((o) => o.ref))
 * // [{ path: '2024/a.jpg', folder: '/backup/2024', fileName: 'a.jpg' }]
 * @since 0.1.0
 * @category upload
 */
export const uploadDirectory =
  (
    config: UploadConfig & { readonly privateKey: string },
    dir: string,
    options: UploadDirectoryOptions,
  ): taskEither.TaskEither<ValidationError, UploadDirectoryReport> =>
  async () => {
    let manifest: OpenManifest | undefined
    try {
      const input = checkInput(dir, options)
      if (input._tag === 'Left') return input
      const bad = await checkShared(config, input.right.shared)
      if (bad !== undefined) return left(bad)
      const { folder, filter, ...given } = input.right
      const root = await openRoot(input.right.dir)
      if (root._tag === 'Left') return root
      if (given.manifest !== undefined) {
        const opened = await openFor(given.manifest)
        if (opened._tag === 'Left') return opened
        manifest = opened.right
      }
      let manifestError: ValidationError | undefined
      const now = (): number => {
        try {
          return readNow(config)
        } catch {
          return Date.now()
        }
      }
      const gate = given.gate ?? createRateGate({ now })
      const custom = read(config, 'fetch', 'config.fetch') as typeof fetch | undefined
      const sending: UploadConfig = { ...config, fetch: gateFetch(gate, custom ?? nodeFetch, now) }
      const target = (path: string): UploadDirectoryRef => {
        const parts = path.split('/')
        const fileName = parts.pop()!
        return { path, folder: `/${[...folder, ...parts].join('/')}`, fileName }
      }
      const self = manifest?.self
      const include = (path: string): boolean =>
        join(root.right, path) !== self && (filter === undefined || filter(path))
      const work = workFor(sending, given.shared, target, manifest, (e) => {
        manifestError ??= validationError('options.manifest', `could not be written (${codeOf(e)})`)
      })
      const report = await runBulk(walk(root.right, include), work, {
        ref: (entry) => target(entry.path),
        concurrency: given.concurrency,
        gate,
        now,
        isRateLimited,
        sizeOf: (entry) => (entry.kind === 'file' ? entry.size : 0),
        // Nothing here throws by design; should it, the file is a Failed outcome, the rest goes on.
        thrown: (_, entry) => ({
          ref: target(entry?.path ?? ''),
          error: validationError(entry?.path ?? 'dir', 'could not be read'),
        }),
        ...(given.signal === undefined ? {} : { signal: given.signal }),
        ...(given.onProgress === undefined ? {} : { onProgress: given.onProgress }),
        ...(given.onItem === undefined ? {} : { onItem: given.onItem }),
        keep: given.keep,
        maxRateLimitRounds: given.maxRateLimitRounds,
      })
      return right(manifestError === undefined ? report : { ...report, manifestError })
    } catch {
      return left(validationError('options', 'could not be read'))
    } finally {
      await manifest?.writer.close().catch(() => undefined)
    }
  }
