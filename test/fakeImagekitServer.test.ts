import { afterEach, describe, expect, it } from 'vitest'
import { getAuthenticationParameters } from '@imagekit-fp/utils'
import { upload, UploadResult } from '@imagekit-fp/upload'
import { nodeFetch } from '@imagekit-fp/upload/node'
// @ts-expect-error: a plain-JS sample module without type declarations
import { startFakeImagekit } from '../sample/fakeImagekitServer.mjs'

interface Fake {
  url: string
  privateKey: string
  publicKey: string
  uploads: { fields: Record<string, string>; file: { size: number } }[]
  close: () => Promise<void>
}

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('sample/fakeImagekitServer', () => {
  it('answers a server-side upload with a decodable result carrying the real size, name and folder', async () => {
    fake = (await startFakeImagekit()) as Fake
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(7)
    for (const fetch of [undefined, nodeFetch]) {
      const result = await upload(
        { privateKey: fake.privateKey, uploadBaseUrl: fake.url, ...(fetch === undefined ? {} : { fetch }) },
        { file: bytes, fileName: 'my photo.jpg', folder: 'a/b', tags: ['x', 'y'], useUniqueFileName: false },
      )()
      expect(result._tag).toBe('Right')
      if (result._tag === 'Right') {
        expect(UploadResult.is(result.right)).toBe(true)
        expect(result.right).toMatchObject({
          name: 'my_photo.jpg',
          filePath: '/a/b/my_photo.jpg',
          size: bytes.length,
          tags: ['x', 'y'],
          fileType: 'image',
        })
      }
    }
  })

  it('counts a base64 file by its decoded size', async () => {
    fake = (await startFakeImagekit()) as Fake
    const result = await upload(
      { privateKey: fake.privateKey, uploadBaseUrl: fake.url },
      { file: 'aGVsbG8=', fileName: 'h.txt' },
    )()
    expect(result._tag === 'Right' && 'fileId' in result.right && result.right.size).toBe(5)
  })

  it("is a 401 with ImageKit's error body for a wrong private key", async () => {
    fake = (await startFakeImagekit()) as Fake
    const result = await upload(
      { privateKey: 'wrong', uploadBaseUrl: fake.url },
      { file: 'aGVsbG8=', fileName: 'h.txt' },
    )()
    expect(result._tag === 'Left' && result.left).toMatchObject({
      _tag: 'HttpError',
      status: 401,
      message: 'Your account cannot be authenticated.',
    })
  })

  it('accepts a client-side upload signed by getAuthenticationParameters once, and rejects the reused token', async () => {
    fake = (await startFakeImagekit()) as Fake
    const auth = getAuthenticationParameters({ privateKey: fake.privateKey })
    if (auth._tag === 'Left') throw new Error(auth.left.message)
    const request = { file: new Blob(['hi']), fileName: 'c.txt', publicKey: fake.publicKey, ...auth.right }
    const first = await upload({ uploadBaseUrl: fake.url }, request)()
    expect(first._tag === 'Right' && 'fileId' in first.right && first.right.size).toBe(2)
    const again = await upload({ uploadBaseUrl: fake.url }, request)()
    expect(again._tag === 'Left' && again.left).toMatchObject({ _tag: 'HttpError', status: 400 })
  })

  it('is a 401 for a bad client-side signature', async () => {
    fake = (await startFakeImagekit()) as Fake
    const expire = Math.floor(Date.now() / 1000) + 600
    const result = await upload(
      { uploadBaseUrl: fake.url },
      {
        file: new Blob(['hi']),
        fileName: 'c.txt',
        publicKey: fake.publicKey,
        token: 't',
        signature: 'bad',
        expire,
      },
    )()
    expect(result._tag === 'Left' && result.left).toMatchObject({ _tag: 'HttpError', status: 401 })
  })
})

describe('sample/fakeImagekitServer CORS', () => {
  it('answers a preflight from another origin with 204, allowing any origin, POST, authorization and content-type', async () => {
    fake = (await startFakeImagekit()) as Fake
    const res = await fetch(`${fake.url}/api/v1/files/upload`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    expect({
      origin: res.headers.get('access-control-allow-origin'),
      methods: res.headers.get('access-control-allow-methods'),
      headers: res.headers.get('access-control-allow-headers'),
      expose: res.headers.get('access-control-expose-headers'),
    }).toStrictEqual({
      origin: '*',
      methods: 'POST, OPTIONS',
      headers: 'authorization, content-type',
      expose: 'x-request-id',
    })
    expect(fake.uploads).toStrictEqual([])
  })

  it('sends the CORS headers with its answers too (success and error)', async () => {
    fake = (await startFakeImagekit()) as Fake
    const seen: (string | null)[] = []
    const recordHeaders: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      seen.push(res.headers.get('access-control-allow-origin'))
      return res
    }
    const ok = await upload(
      { privateKey: fake.privateKey, uploadBaseUrl: fake.url, fetch: recordHeaders },
      { file: 'aGVsbG8=', fileName: 'h.txt' },
    )()
    expect(ok._tag).toBe('Right')
    const bad = await fetch(`${fake.url}/nowhere`, { method: 'POST' })
    expect(bad.status).toBe(404)
    expect([...seen, bad.headers.get('access-control-allow-origin')]).toStrictEqual(['*', '*'])
  })
})
