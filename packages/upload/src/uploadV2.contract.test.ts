// Contract tests: uploadV2 requests go to a Prism mock of ImageKit's OpenAPI spec (operation upload-file-v2),
// which validates each one; a valid request gets no `sl-violations` header and a reply that must decode as
// UploadResult. (Prism checks the request's shape, not the JWT's signature.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUploadToken } from '@imagekit-fp/utils'
import { uploadV2, UploadResult, type UploadConfig, type UploadV2Request } from '@imagekit-fp/upload'
import { imagekitSpec, recordingFetch, startPrism, type PrismServer } from '../../../test/support/prism'

const spec = imagekitSpec()
if (spec.path === undefined) console.warn(spec.reason)

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const NOW = Date.now()

const files: readonly (readonly [string, () => UploadV2Request['file']])[] = [
  ['a Blob', () => new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' })],
  ['a Uint8Array', () => bytes('raw bytes')],
  ['a ReadableStream', () => new Blob(['streamed ', 'bytes']).stream()],
  ['an https URL', () => 'https://ik.imagekit.io/demo/default-image.jpg'],
  ['plain base64', () => 'R0lGODlhAQABAAAAACw='],
]

/** Every documented option at once (each kind of extension and post-transformation included). */
const ALL: Omit<UploadV2Request, 'file' | 'fileName'> = {
  useUniqueFileName: false,
  tags: ['t-shirt', 'round-neck'],
  folder: '/products/2024',
  isPrivateFile: true,
  isPublished: false,
  customCoordinates: '10,10,100,100',
  responseFields: ['tags', 'customCoordinates', 'isPrivateFile', 'embeddedMetadata', 'metadata'],
  extensions: [
    { name: 'remove-bg', options: { add_shadow: true, bg_color: 'green' } },
    { name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 },
    { name: 'ai-auto-description' },
    {
      name: 'ai-tasks',
      tasks: [{ type: 'select_tags', instruction: 'Which clothes?', vocabulary: ['shirt'] }],
    },
    { name: 'saved-extension', id: 'ext_abc123' },
  ],
  webhookUrl: 'https://example.com/imagekit-hook',
  overwriteFile: false,
  overwriteAITags: false,
  overwriteTags: false,
  overwriteCustomMetadata: false,
  customMetadata: { brand: 'Nike', price: 10 },
  transformation: {
    pre: 'w-300,h-300',
    post: [
      { type: 'transformation', value: 'w-100' },
      { type: 'gif-to-video', value: 'q-90' },
      { type: 'thumbnail' },
      { type: 'abs', value: 'sr-240_360_480', protocol: 'dash' },
    ],
  },
  checks: '"file.size" < "1mb"',
  description: 'Running shoes',
}

const tokenFor = (fileName: string, options: Omit<UploadV2Request, 'file' | 'fileName'> = {}): string => {
  const r = getUploadToken(
    { privateKey: 'private_contract', publicKey: 'public_contract', now: () => NOW },
    { fileName, ...(options as object) },
  )
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

describe.skipIf(spec.path === undefined)('uploadV2 (contract, Prism)', () => {
  let prism: PrismServer
  beforeAll(async () => {
    prism = await startPrism(spec.path!)
  })
  afterAll(async () => {
    await prism?.stop()
  })

  const run = async (config: Omit<UploadConfig, 'fetch' | 'uploadBaseUrl'>, request: UploadV2Request) => {
    const recorder = recordingFetch()
    // Strict: our own contract suite refuses any drift of the reply from the documented contract.
    const result = await uploadV2(
      { ...config, uploadBaseUrl: prism.url, fetch: recorder.fetch, strictResponses: true },
      request,
    )()
    return { result, exchanges: recorder.exchanges }
  }

  const expectValid = ({ result, exchanges }: Awaited<ReturnType<typeof run>>) => {
    expect(exchanges.map((e) => [e.method, new URL(e.url).pathname])).toStrictEqual([
      ['POST', '/api/v2/files/upload'],
    ])
    expect(exchanges[0]!.violations, prism.log().slice(-2000)).toBeNull()
    expect(exchanges[0]!.status).toBe(200)
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') expect(UploadResult.is(result.right)).toBe(true)
  }

  it.each(files)('accepts %s, server-side', async (_title, file) => {
    expectValid(await run({ privateKey: 'private_contract' }, { file: file(), fileName: 'contract.bin' }))
  })

  it.each(files)('accepts %s, client-side with a token', async (_title, file) => {
    expectValid(await run({}, { file: file(), fileName: 'contract.bin', token: tokenFor('contract.bin') }))
  })

  it('accepts every option at once, server-side', async () => {
    expectValid(
      await run({ privateKey: 'private_contract' }, { ...ALL, file: bytes('abc'), fileName: 'all.jpg' }),
    )
  })

  it('accepts every option at once, client-side with a token over all of them', async () => {
    expectValid(
      await run({}, { ...ALL, file: bytes('abc'), fileName: 'all.jpg', token: tokenFor('all.jpg', ALL) }),
    )
  })

  it.each([401, 403, 400])(
    "maps Prism's documented %i example (Prefer: code) to an HttpError",
    async (code) => {
      const prefer = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init)
        const headers = new Headers(request.headers)
        headers.set('prefer', `code=${code}`)
        return fetch(new Request(request, { headers, duplex: 'half' } as RequestInit))
      }) as typeof fetch
      const recorder = recordingFetch(prefer)
      const result = await uploadV2(
        {
          privateKey: 'private_contract',
          uploadBaseUrl: prism.url,
          fetch: recorder.fetch,
          strictResponses: true,
        },
        { file: bytes('abc'), fileName: 'a.jpg' },
      )()
      expect(recorder.exchanges[0]!.violations).toBeNull()
      expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.status).toBe(code)
      expect(JSON.stringify(result)).not.toContain('private_contract')
    },
  )

  it('fails the contract when a required field is missing (the check works on v2 too)', async () => {
    const recorder = recordingFetch()
    const form = new FormData()
    form.set('fileName', 'x.jpg')
    const response = await recorder.fetch(`${prism.url}/api/v2/files/upload`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('k:')}` },
      body: form,
    })
    await response.body?.cancel()
    expect(recorder.exchanges[0]!.violations ?? String(recorder.exchanges[0]!.status)).toMatch(/file|422|400/)
    expect(recorder.exchanges[0]!.status).not.toBe(200)
  })
})
