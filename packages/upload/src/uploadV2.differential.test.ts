// Differential test: uploadV2 and @imagekit/nodejs 7 (`client.beta.v2.files.upload`) send the same request for
// the same input: URL, method, auth header and every multipart field, file part included. Each gets a recording
// fetch that answers the same upload result, and both must decode it to the same value.
import ImageKitNode, { toFile } from '@imagekit/nodejs'
import { describe, expect, it } from 'vitest'
import { getUploadToken } from '@imagekit-fp/utils'
import { uploadV2, type UploadV2Request } from '@imagekit-fp/upload'
import { captureFetch, entries, RESULT, UPLOADED, type Captured } from './test-support/capture'

const KEY = 'private_diff_key'
const NOW = 1_700_000_000_000
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

type Options = Omit<UploadV2Request, 'file' | 'fileName' | 'token' | 'onProgress' | 'signal'>

const cases: readonly (readonly [string, Options])[] = [
  ['no options', {}],
  ['booleans', { useUniqueFileName: false, isPrivateFile: true, isPublished: false, overwriteFile: false }],
  ['overwrite flags', { overwriteAITags: false, overwriteTags: true, overwriteCustomMetadata: false }],
  ['tags and folder', { tags: ['t-shirt', 'round-neck', 'men'], folder: '/products/2024/' }],
  ['responseFields', { responseFields: ['tags', 'customCoordinates', 'embeddedMetadata', 'metadata'] }],
  [
    'customCoordinates, checks, description',
    { customCoordinates: '1,2,3,4', checks: '"file.size" < "1mb"', description: 'Shoes' },
  ],
  [
    'extensions',
    {
      extensions: [
        { name: 'remove-bg', options: { add_shadow: true, bg_color: 'green' } },
        { name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 },
        { name: 'ai-auto-description' },
        { name: 'saved-extension', id: 'ext_1' },
      ],
    },
  ],
  ['customMetadata', { customMetadata: { brand: 'Nike', price: 10, sale: true, sizes: ['s', 'm'] } }],
  [
    'transformation',
    {
      transformation: {
        pre: 'w-300,h-300',
        post: [
          { type: 'transformation', value: 'w-100' },
          { type: 'thumbnail' },
          { type: 'abs', value: 'sr-240_360', protocol: 'hls' },
        ],
      },
    },
  ],
  ['webhookUrl', { webhookUrl: 'https://example.com/hook?x=1' }],
]

/** What a request looked like, in a form both SDKs can be compared on. */
const view = async (call: Captured) => ({
  method: call.method,
  url: call.url,
  // node7 sends `privateKey:do_not_set` (a password ImageKit ignores), we send `privateKey:`: compare the user.
  basicUser:
    /^Basic (.+)$/
      .exec(call.headers['authorization'] ?? '')?.[1]
      ?.replace(/^(.+)$/, (b) => atob(b).split(':')[0]!) ?? null,
  form: await entries(call.form),
})

const theirs = async (
  options: Options,
  token: string | undefined,
): Promise<{ call: Captured; result: unknown }> => {
  const { fetch, calls } = captureFetch()
  const sdk = new ImageKitNode({ privateKey: KEY, fetch, maxRetries: 0 })
  const file = await toFile(bytes('file bytes'), 'shoe.jpg', { type: 'application/octet-stream' })
  const params = { ...options, file, fileName: 'shoe.jpg', ...(token === undefined ? {} : { token }) }
  const result = await sdk.beta.v2.files.upload(
    params as Parameters<typeof sdk.beta.v2.files.upload>[0],
    // Client-side: no Basic auth at all (node7 would otherwise send the private key next to the token).
    token === undefined ? {} : { headers: { authorization: null } },
  )
  return { call: calls[0]!, result }
}

const ours = async (
  options: Options,
  token: string | undefined,
): Promise<{ call: Captured; result: unknown }> => {
  const { fetch, calls } = captureFetch()
  const config = token === undefined ? { privateKey: KEY, fetch, now: () => NOW } : { fetch, now: () => NOW }
  const request = { ...options, file: bytes('file bytes'), fileName: 'shoe.jpg' }
  const r = await uploadV2(config, token === undefined ? request : { ...request, token })()
  return { call: calls[0]!, result: r._tag === 'Right' ? r.right : r }
}

describe('uploadV2 and @imagekit/nodejs 7 beta.v2.files.upload (differential)', () => {
  it.each(cases)('send the same server-side request: %s', async (_title, options) => {
    const [a, b] = await Promise.all([ours(options, undefined), theirs(options, undefined)])
    const mine = await view(a.call)
    expect(mine).toStrictEqual(await view(b.call))
    expect(mine.basicUser).toBe(KEY)
    expect(a.result).toStrictEqual(UPLOADED)
    expect(b.result).toStrictEqual(RESULT)
  })

  it.each(cases)('send the same client-side request with our token: %s', async (_title, options) => {
    const minted = getUploadToken(
      { privateKey: KEY, publicKey: 'public_diff', now: () => NOW },
      { fileName: 'shoe.jpg', ...options },
    )
    if (minted._tag === 'Left') throw new Error(minted.left.message)
    const [a, b] = await Promise.all([ours(options, minted.right), theirs(options, minted.right)])
    const mine = await view(a.call)
    expect(mine).toStrictEqual(await view(b.call))
    expect(mine.basicUser).toBeNull()
    expect(mine.form['token']).toBe(minted.right)
    expect(a.result).toStrictEqual(UPLOADED)
  })
})
