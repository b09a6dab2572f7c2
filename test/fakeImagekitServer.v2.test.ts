// The loopback stand-in's upload API v2: Basic auth, or a token JWT it verifies as ImageKit documents it.
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { getUploadToken } from '@imagekit-fp/utils'
import { uploadV2, UploadResult } from '@imagekit-fp/upload'
// @ts-expect-error: a plain-JS sample module without type declarations
import { startFakeImagekit } from '../sample/fakeImagekitServer.mjs'

interface Fake {
  url: string
  privateKey: string
  publicKey: string
  uploads: { fields: Record<string, string> }[]
  close: () => Promise<void>
}

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const start = async (): Promise<Fake> => (fake = (await startFakeImagekit()) as Fake)
const mint = (f: Fake, options: Parameters<typeof getUploadToken>[1], privateKey = f.privateKey): string => {
  const r = getUploadToken({ privateKey, publicKey: f.publicKey }, options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}
/** Posts a v2 form as is (no client-side checks), to see what the stand-in answers. */
const post = async (f: Fake, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  form.set('file', 'aGVsbG8=')
  const res = await fetch(`${f.url}/api/v2/files/upload`, { method: 'POST', body: form, headers })
  return { status: res.status, message: ((await res.json()) as { message: string }).message }
}

describe('sample/fakeImagekitServer, upload v2', () => {
  it('accepts a server-side upload (Basic auth)', async () => {
    const f = await start()
    const result = await uploadV2(
      { privateKey: f.privateKey, uploadBaseUrl: f.url },
      { file: 'aGVsbG8=', fileName: 'h.txt', tags: ['a'] },
    )()
    expect(result._tag === 'Right' && UploadResult.is(result.right)).toBe(true)
    expect(f.uploads.map((u) => u.fields)).toStrictEqual([{ fileName: 'h.txt', tags: 'a' }])
  })

  it('accepts a client-side upload with a token from getUploadToken, once', async () => {
    const f = await start()
    const token = mint(f, { fileName: 'h.txt', folder: '/x', isPrivateFile: false })
    const request = { file: 'aGVsbG8=', fileName: 'h.txt', folder: '/x', isPrivateFile: false, token }
    const first = await uploadV2({ uploadBaseUrl: f.url }, request)()
    expect(first._tag === 'Right' && UploadResult.is(first.right)).toBe(true)
    expect(f.uploads.map((u) => u.fields)).toStrictEqual([
      { fileName: 'h.txt', folder: '/x', isPrivateFile: 'false', token },
    ])
    const again = await uploadV2({ uploadBaseUrl: f.url }, request)()
    expect(again._tag === 'Left' && again.left._tag === 'HttpError' && again.left.message).toBe(
      'The token has been used before. Please use a new token.',
    )
  })

  it.each([
    ['no token', async () => ({ fileName: 'h.txt' }), 'Your request is missing token parameter.'],
    [
      'a token signed with another key',
      async (f: Fake) => ({ fileName: 'h.txt', token: mint(f, { fileName: 'h.txt' }, 'other') }),
      'Your request has invalid token.',
    ],
    [
      'a changed parameter',
      async (f: Fake) => ({ fileName: 'x.txt', token: mint(f, { fileName: 'h.txt' }) }),
      'Your request contains invalid payload. It does not match with the payload used to generate token.',
    ],
    [
      'an unsigned parameter',
      async (f: Fake) => ({ fileName: 'h.txt', folder: '/x', token: mint(f, { fileName: 'h.txt' }) }),
      'Your request contains invalid payload. It does not match with the payload used to generate token.',
    ],
    [
      'an expired token',
      async (f: Fake) => {
        const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: f.publicKey })).toString(
          'base64url',
        )
        const p = Buffer.from(JSON.stringify({ fileName: 'h.txt', iat: 1, exp: 2 })).toString('base64url')
        const s = createHmac('sha256', f.privateKey).update(`${h}.${p}`).digest('base64url')
        return { fileName: 'h.txt', token: `${h}.${p}.${s}` }
      },
      'Your request contains expired token.',
    ],
  ] as const)('answers 400 for %s', async (_, fields, message) => {
    const f = await start()
    expect(await post(f, await fields(f))).toStrictEqual({ status: 400, message })
  })

  it('answers 400 for a token next to Basic auth', async () => {
    const f = await start()
    const auth = { authorization: `Basic ${Buffer.from(`${f.privateKey}:`).toString('base64')}` }
    expect(await post(f, { fileName: 'h.txt', token: mint(f, { fileName: 'h.txt' }) }, auth)).toStrictEqual({
      status: 400,
      message:
        'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
    })
  })
})
