// The common chains type-check as they are written in the README: errors of every package (and a step of your own)
// end in formatError, an upload's Right goes on as the stored file, and a file's url goes straight to purgeCache.
import { describe, expectTypeOf, it } from 'vitest'
import { function as fn, taskEither as TE, either as E } from 'fp-ts'
import { buildUrl } from '@imagekit-fp/url'
import { storedFile, upload, type UploadAccepted, type UploadResult } from '@imagekit-fp/upload'
import { addTags, deleteFile, getFileDetails, listFiles, purgeCache } from '@imagekit-fp/media'
import { formatError, verifyWebhook, type TaggedError } from '@imagekit-fp/utils'

const config = { privateKey: 'private_key_test' }

/** Expectations on the error type of a TaskEither. */
const leftOf = <L>(te: TE.TaskEither<L, unknown>) => {
  void te
  return expectTypeOf<L>()
}

const file = new Uint8Array([1])

describe('pipelines', () => {
  it('upload, then tag the stored file, then one line for any error', () => {
    const chain = fn.pipe(
      upload(config, { file, fileName: 'a.jpg' }),
      TE.flatMapEither(storedFile),
      TE.flatMap((f) => addTags(config, { fileIds: [f.fileId], tags: ['cat'] })),
      TE.mapLeft(formatError),
    )
    leftOf(chain).toEqualTypeOf<string>()
  })

  it('upload, then purge the file by its url, or delete it', () => {
    const purged = fn.pipe(
      upload(config, { file, fileName: 'a.jpg' }),
      TE.flatMapEither(storedFile),
      TE.flatMap((f) => purgeCache(config, { url: f.url })),
      TE.mapLeft(formatError),
    )
    leftOf(purged).toEqualTypeOf<string>()
    const deleted = fn.pipe(
      upload(config, { file, fileName: 'a.jpg' }),
      TE.flatMapEither(storedFile),
      TE.flatMap((f) => deleteFile(config, { fileId: f.fileId })),
      TE.mapLeft(formatError),
    )
    leftOf(deleted).toEqualTypeOf<string>()
  })

  it('details, then purge by the url (optional in FileDetails) with no fallback', () => {
    const chain = fn.pipe(
      getFileDetails(config, { fileId: 'abc' }),
      TE.flatMap((d) => purgeCache(config, { url: d.url })),
    )
    expectTypeOf(chain).returns.resolves.toExtend<E.Either<unknown, { readonly requestId: string }>>()
  })

  it('list, then act on each file', () => {
    const chain = fn.pipe(
      listFiles(config, { path: '/cats' }),
      TE.map((items) => items.flatMap((i) => ('fileId' in i ? [i.fileId] : []))),
      TE.flatMap(TE.traverseSeqArray((fileId) => deleteFile(config, { fileId }))),
      TE.mapLeft(formatError),
    )
    expectTypeOf(chain).returns.resolves.toExtend<E.Either<string, readonly unknown[]>>()
  })

  it('formatError takes the errors of url, utils, upload and media, and a tagged error of your own', () => {
    const url = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo' }, { path: '/a.jpg' })
    const webhook = verifyWebhook({ webhookSecret: 'whsec_x' }, { headers: {}, body: '' })
    expectTypeOf(fn.pipe(url, E.mapLeft(formatError))).toEqualTypeOf<E.Either<string, string>>()
    expectTypeOf(fn.pipe(webhook, E.mapLeft(formatError))).toExtend<E.Either<string, unknown>>()
    const own = { _tag: 'NotAnImage', message: 'a.txt is not an image' } as const
    expectTypeOf(formatError).toBeCallableWith(own)
    expectTypeOf<UploadAccepted>().toExtend<TaggedError>()
    // @ts-expect-error -- an UploadResult is not an error: it has no message
    formatError({} as UploadResult)
  })
})
