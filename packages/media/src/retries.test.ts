// What a retry does, per operation, when ImageKit acted on an attempt whose reply was lost: an operation that
// must not be repeated is retried only where nothing reached ImageKit (a 429, a connection that never
// opened); a delete whose retry finds the thing gone resolves to `{ alreadyDeleted: true }`.
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import { httpError, networkError } from '@imagekit-fp/utils'
import * as m from '@imagekit-fp/media'
import { json, KEY, stubFetch, type Sent } from './test-support/stub'
import { EXTENSION } from './test-support/replies'

type Call = (c: m.MediaConfig) => taskEither.TaskEither<m.MediaError, unknown>

/** What undici throws when the connection breaks after the request went out (the reply is lost). */
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
const retry = { limit: 2, maxDelay: 1 }
const API = 'https://api.imagekit.io'

/** Operations that must not be repeated once ImageKit may have acted on them. */
const once: readonly (readonly [string, Call])[] = [
  ['renameFile', (c) => m.renameFile(c, { filePath: '/a.jpg', newFileName: 'b.jpg' })],
  ['restoreFileVersion', (c) => m.restoreFileVersion(c, { fileId: 'f1', versionId: 'v1' })],
  ['copyFile', (c) => m.copyFile(c, { sourceFilePath: '/a.jpg', destinationPath: '/b/' })],
  ['moveFile', (c) => m.moveFile(c, { sourceFilePath: '/a.jpg', destinationPath: '/b/' })],
  ['createFolder', (c) => m.createFolder(c, { folderName: 'd', parentFolderPath: '/' })],
  ['copyFolder', (c) => m.copyFolder(c, { sourceFolderPath: '/a', destinationPath: '/b' })],
  ['moveFolder', (c) => m.moveFolder(c, { sourceFolderPath: '/a', destinationPath: '/b' })],
  ['renameFolder', (c) => m.renameFolder(c, { folderPath: '/a', newFolderName: 'b' })],
  [
    'updateFileDetails with extensions',
    (c) =>
      m.updateFileDetails(c, {
        fileId: 'f1',
        extensions: [{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 }],
      }),
  ],
  [
    'createCustomMetadataField',
    (c) => m.createCustomMetadataField(c, { name: 'p', label: 'P', schema: { type: 'Number' } }),
  ],
  ['updateCustomMetadataField', (c) => m.updateCustomMetadataField(c, { id: 'x1', label: 'Q' })],
  [
    'createSavedExtension',
    (c) => m.createSavedExtension(c, { name: 'T', description: 'D', config: EXTENSION.config as never }),
  ],
  ['updateSavedExtension', (c) => m.updateSavedExtension(c, { id: 'x1', name: 'U' })],
  ['createNamedTransformation', (c) => m.createNamedTransformation(c, { name: 'n', transformation: 'w-1' })],
  ['updateNamedTransformation', (c) => m.updateNamedTransformation(c, { id: 'x1', enabled: false })],
  [
    'createOrigin',
    (c) => m.createOrigin(c, { type: 'S3', name: 'S', bucket: 'b', accessKey: 'A', secretKey: 'S' }),
  ],
  ['createUrlEndpoint', (c) => m.createUrlEndpoint(c, { description: 'E' })],
]

/** Deletes: a retry after a lost reply that answers 404 means the lost attempt did it. */
const deletes: readonly (readonly [string, Call])[] = [
  ['deleteFile', (c) => m.deleteFile(c, { fileId: 'f1' })],
  ['deleteFileVersion', (c) => m.deleteFileVersion(c, { fileId: 'f1', versionId: 'v1' })],
  ['deleteFolder', (c) => m.deleteFolder(c, { folderPath: '/d' })],
  ['deleteCustomMetadataField', (c) => m.deleteCustomMetadataField(c, { id: 'x1' })],
  ['deleteSavedExtension', (c) => m.deleteSavedExtension(c, { id: 'x1' })],
  ['deleteNamedTransformation', (c) => m.deleteNamedTransformation(c, { id: 'x1' })],
  ['deleteOrigin', (c) => m.deleteOrigin(c, { id: 'x1' })],
  ['deleteUrlEndpoint', (c) => m.deleteUrlEndpoint(c, { id: 'x1' })],
]

const missing = { message: 'The requested file does not exist.', help: 'For support kindly contact us.' }

describe('renameFile: a lost reply after ImageKit renamed the file', () => {
  /** A one-file library; the first `lose` renames are done and then their reply is lost. */
  const library = (lose: (sent: Sent) => Promise<Response> | Response) => {
    const paths = new Set(['/a.jpg'])
    let lost = 0
    const stub = stubFetch((sent) => {
      const { filePath, newFileName } = sent.json as { filePath: string; newFileName: string }
      if (!paths.has(filePath)) return json({ ...missing, reason: 'FILE_MISSING' }, 404)
      paths.delete(filePath)
      paths.add(`/${newFileName}`)
      return lost++ === 0 ? lose(sent) : json({})
    })
    return { ...stub, paths }
  }

  it('is not retried after a broken connection: the NetworkError, not a 404 for a renamed file', async () => {
    const lostReply = reset()
    const { fetch, calls, paths } = library(() => {
      throw lostReply
    })
    const result = await m.renameFile(
      { privateKey: KEY, fetch, retry },
      { filePath: '/a.jpg', newFileName: 'b.jpg' },
    )()
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: networkError(
        'Transport',
        `PUT ${API}/v1/files/rename failed: fetch failed (ECONNRESET)`,
        lostReply,
      ),
    })
    expect(calls).toHaveLength(1)
    expect([...paths]).toStrictEqual(['/b.jpg'])
  })

  it('is not retried after a timeout', async () => {
    const { fetch, calls } = library(() => new Promise<Response>(() => undefined))
    const result = await m.renameFile(
      { privateKey: KEY, fetch, retry, timeout: 50 },
      { filePath: '/a.jpg', newFileName: 'b.jpg' },
    )()
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: networkError('Timeout', `PUT ${API}/v1/files/rename timed out after 50 ms`, {
        name: 'TimeoutError',
        message: `Request timed out: PUT ${API}/v1/files/rename`,
      }),
    })
    expect(calls).toHaveLength(1)
  })

  it('is retried on a 429 (ImageKit did not process it)', async () => {
    let n = 0
    const stub = stubFetch(() => (n++ === 0 ? json({ message: 'Too many requests' }, 429) : json({})))
    const result = await m.renameFile(
      { privateKey: KEY, fetch: stub.fetch, retry },
      { filePath: '/a.jpg', newFileName: 'b.jpg' },
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: { partial: false } })
    expect(stub.calls).toHaveLength(2)
  })

  it('is retried when the connection was refused (nothing was sent)', async () => {
    let n = 0
    const stub = stubFetch(() => {
      if (n++ === 0) throw refused()
      return json({})
    })
    const result = await m.renameFile(
      { privateKey: KEY, fetch: stub.fetch, retry },
      { filePath: '/a.jpg', newFileName: 'b.jpg' },
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: { partial: false } })
    expect(stub.calls).toHaveLength(2)
  })
})

describe('operations that must not be repeated', () => {
  it.each(once)('%s is sent once when its reply is lost after it was sent', async (_, call) => {
    const lostReply = reset()
    const stub = stubFetch(() => {
      throw lostReply
    })
    const result = await call({ privateKey: KEY, fetch: stub.fetch, retry })()
    const [sent] = stub.calls
    expect([stub.calls.length, result]).toStrictEqual([
      1,
      {
        _tag: 'Left',
        left: networkError(
          'Transport',
          `${sent?.method} ${API}${sent?.path} failed: fetch failed (ECONNRESET)`,
          lostReply,
        ),
      },
    ])
  })

  it.each(once)('%s is sent once when the reply is a 503', async (_, call) => {
    const stub = stubFetch(() => json({ message: 'busy' }, 503))
    await call({ privateKey: KEY, fetch: stub.fetch, retry })()
    expect(stub.calls).toHaveLength(1)
  })

  it.each(once)('%s is retried on a 429 and on a refused connection', async (_, call) => {
    let n = 0
    const stub = stubFetch(() => {
      n++
      if (n === 1) return json({ message: 'Too many requests' }, 429)
      if (n === 2) throw refused()
      return json({ message: 'Too many requests' }, 429)
    })
    await call({ privateKey: KEY, fetch: stub.fetch, retry })()
    expect(stub.calls).toHaveLength(3)
  })
})

describe('deletes after a lost reply', () => {
  /** A store of one thing; the first delete removes it and its reply is lost (`lose`). */
  const store = (lose: () => Promise<Response>) => {
    let present = true
    return stubFetch(() => {
      if (!present) return json(missing, 404)
      present = false
      return lose()
    })
  }

  it.each(deletes)('%s resolves to { alreadyDeleted: true } when its retry answers 404', async (_, call) => {
    const stub = store(() => Promise.reject(reset()))
    expect(await call({ privateKey: KEY, fetch: stub.fetch, retry })()).toStrictEqual({
      _tag: 'Right',
      right: { alreadyDeleted: true },
    })
    expect(stub.calls).toHaveLength(2)
  })

  it('deleteFile resolves to { alreadyDeleted: true } after a timeout, too', async () => {
    const stub = store(() => new Promise<Response>(() => undefined))
    expect(
      await m.deleteFile({ privateKey: KEY, fetch: stub.fetch, retry, timeout: 50 }, { fileId: 'f1' })(),
    ).toStrictEqual({ _tag: 'Right', right: { alreadyDeleted: true } })
    expect(stub.calls).toHaveLength(2)
  })

  it.each(deletes)('%s still resolves to undefined when ImageKit confirms the delete', async (_, call) => {
    const stub = stubFetch(() => json(null, 204))
    expect(await call({ privateKey: KEY, fetch: stub.fetch, retry })()).toStrictEqual({
      _tag: 'Right',
      right: undefined,
    })
  })

  it('a 404 with no lost attempt before it stays an HttpError', async () => {
    const stub = stubFetch(() => json(missing, 404))
    expect(
      await m.deleteFile({ privateKey: KEY, fetch: stub.fetch, retry }, { fileId: 'f1' })(),
    ).toStrictEqual({
      _tag: 'Left',
      left: httpError({ status: 404, ...missing, body: missing, url: `${API}/v1/files/f1` }),
    })
    expect(stub.calls).toHaveLength(1)
  })

  it('a 404 after a 503 (an answered attempt) stays an HttpError', async () => {
    let n = 0
    const stub = stubFetch(() => (n++ === 0 ? json({ message: 'busy' }, 503) : json(missing, 404)))
    const result = await m.deleteFile({ privateKey: KEY, fetch: stub.fetch, retry }, { fileId: 'f1' })()
    expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.status).toBe(404)
    expect(stub.calls).toHaveLength(2)
  })

  it('bulkDeleteFiles is retried, and reports every id deleted when its retry finds all of them missing', async () => {
    let n = 0
    const stub = stubFetch(() => {
      if (n++ === 0) throw reset()
      return json({ ...missing, missingFileIds: ['f2', 'f1'] }, 404)
    })
    expect(
      await m.bulkDeleteFiles({ privateKey: KEY, fetch: stub.fetch, retry }, { fileIds: ['f1', 'f2'] })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { successfullyDeletedFileIds: ['f1', 'f2'], partial: false, alreadyDeleted: true },
    })
    expect(stub.calls).toHaveLength(2)
  })

  it('bulkDeleteFiles stays an HttpError (afterLostReply) when its retry finds only some ids missing', async () => {
    let n = 0
    const body = { ...missing, missingFileIds: ['f1'] }
    const stub = stubFetch(() => {
      if (n++ === 0) throw reset()
      return json(body, 404)
    })
    expect(
      await m.bulkDeleteFiles({ privateKey: KEY, fetch: stub.fetch, retry }, { fileIds: ['f1', 'f2'] })(),
    ).toStrictEqual({
      _tag: 'Left',
      left: {
        ...httpError({ status: 404, ...missing, body, url: `${API}/v1/files/batch/deleteByFileIds` }),
        afterLostReply: true,
      },
    })
  })
})
