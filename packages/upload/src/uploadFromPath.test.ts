import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { uploadFromPath } from '@imagekit-fp/upload/node'
import { startLoopbackServer, type LoopbackServer } from '../../utils/src/http/test-support/loopbackServer'
import { RESULT, UPLOADED } from './test-support/capture'

const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-upload-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('uploadFromPath', () => {
  it('streams a 6 MiB file from disk with nodeFetch, reporting progress up to the whole body', async () => {
    const file = path.join(dir, 'big.bin')
    const content = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 251)
    writeFileSync(file, content)
    server = await startLoopbackServer([{ json: RESULT }])
    const progress: { loaded: number; total?: number }[] = []
    const result = await uploadFromPath(
      { privateKey: 'private_k', uploadBaseUrl: server.url },
      { path: file, fileName: 'big.bin', folder: '/x', onUploadProgress: (p) => progress.push(p) },
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
    const sent = server.requests[0]!
    expect(sent.headers['content-length']).toBe(String(sent.body.length))
    expect(sent.headers['transfer-encoding']).toBeUndefined()
    // (undici's multipart parser is too slow for megabytes: find the file part by hand.)
    const text = Buffer.from(sent.body).toString('latin1')
    const boundary = text.slice(2, text.indexOf('\r\n'))
    const start = text.indexOf('\r\n\r\n', text.indexOf('name="file"')) + 4
    const end = text.lastIndexOf(`\r\n--${boundary}--\r\n`)
    expect(text).toContain('name="folder"\r\n\r\n/x\r\n')
    expect(end - start).toBe(content.length)
    expect(Buffer.from(sent.body.subarray(start, end)).equals(Buffer.from(content))).toBe(true)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toStrictEqual({ loaded: sent.body.length, total: sent.body.length })
  })

  it('is a ValidationError at request.path for a missing file, before any request', async () => {
    server = await startLoopbackServer([{ json: RESULT }])
    const result = await uploadFromPath(
      { privateKey: 'private_k', uploadBaseUrl: server.url },
      { path: path.join(dir, 'nope.jpg'), fileName: 'nope.jpg' },
    )()
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: validationError('request.path', 'cannot be opened (ENOENT)'),
    })
    expect(server.requests).toHaveLength(0)
  })

  it('is a ValidationError when path is not a string', async () => {
    const result = await uploadFromPath(
      { privateKey: 'k' },
      { path: 1 as unknown as string, fileName: 'a' },
    )()
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: validationError('request.path', 'must be a non-empty string'),
    })
  })
})
