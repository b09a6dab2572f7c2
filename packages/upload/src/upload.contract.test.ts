// Contract tests: every upload variant goes to a Prism mock of ImageKit's OpenAPI spec, which validates the
// request; a valid request gets no `sl-violations` header and a reply that must decode as UploadResult.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upload, UploadResult, type UploadConfig, type UploadRequest } from '@imagekit-fp/upload'
import { imagekitSpec, recordingFetch, startPrism, type PrismServer } from '../../../test/support/prism'

const spec = imagekitSpec()
if (spec.path === undefined) console.warn(spec.reason)

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const NOW = Date.now()
const EXPIRE = Math.floor(NOW / 1000) + 600

const files: readonly (readonly [string, () => UploadRequest['file']])[] = [
  ['a Blob', () => new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' })],
  ['a File', () => new File(['GIF89a'], 'x.gif', { type: 'image/gif' })],
  ['a Uint8Array', () => bytes('raw bytes')],
  ['an ArrayBuffer', () => bytes('buffer').buffer as ArrayBuffer],
  ['a ReadableStream', () => new Blob(['streamed ', 'bytes']).stream()],
  ['an https URL', () => 'https://ik.imagekit.io/demo/default-image.jpg'],
  ['a data URL', () => 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
  ['plain base64', () => 'R0lGODlhAQABAAAAACw='],
]

const options: readonly (readonly [string, Omit<UploadRequest, 'file' | 'fileName'>])[] = [
  ['useUniqueFileName', { useUniqueFileName: false }],
  ['tags', { tags: ['t-shirt', 'round-neck'] }],
  ['folder', { folder: '/products/2024' }],
  ['isPrivateFile', { isPrivateFile: true }],
  ['isPublished', { isPublished: false }],
  ['customCoordinates', { customCoordinates: '10,10,100,100' }],
  [
    'responseFields',
    {
      responseFields: [
        'tags',
        'customCoordinates',
        'isPrivateFile',
        'embeddedMetadata',
        'isPublished',
        'customMetadata',
        'metadata',
        'selectedFieldsSchema',
      ],
    },
  ],
  [
    'extensions: remove-bg',
    {
      extensions: [
        { name: 'remove-bg', options: { add_shadow: true, semitransparency: false, bg_color: 'green' } },
      ],
    },
  ],
  [
    'extensions: auto tagging',
    {
      extensions: [
        { name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 },
        { name: 'aws-auto-tagging', maxTags: 3, minConfidence: 80 },
      ],
    },
  ],
  ['extensions: ai-auto-description', { extensions: [{ name: 'ai-auto-description' }] }],
  [
    'extensions: ai-tasks',
    {
      extensions: [
        {
          name: 'ai-tasks',
          tasks: [
            {
              type: 'select_tags',
              instruction: 'Which clothes?',
              vocabulary: ['shirt', 'dress'],
              min_selections: 0,
              max_selections: 2,
            },
            { type: 'select_metadata', instruction: 'Colour?', field: 'color', vocabulary: ['red', 'blue'] },
            {
              type: 'yes_no',
              instruction: 'Luxury?',
              on_yes: { add_tags: ['luxury'], set_metadata: [{ field: 'tier', value: 'premium' }] },
              on_no: { remove_tags: ['luxury'], unset_metadata: [{ field: 'tier' }] },
            },
          ],
        },
      ],
    },
  ],
  ['extensions: saved-extension', { extensions: [{ name: 'saved-extension', id: 'ext_abc123' }] }],
  ['webhookUrl', { webhookUrl: 'https://example.com/imagekit-hook' }],
  ['overwriteFile', { overwriteFile: false }],
  ['overwriteAITags', { overwriteAITags: false }],
  ['overwriteTags', { overwriteTags: false }],
  ['overwriteCustomMetadata', { overwriteCustomMetadata: false }],
  ['customMetadata', { customMetadata: { brand: 'Nike', price: 10, sale: true } }],
  ['transformation: pre', { transformation: { pre: 'w-300,h-300,q-80' } }],
  [
    'transformation: post',
    {
      transformation: {
        post: [
          { type: 'transformation', value: 'w-100' },
          { type: 'gif-to-video', value: 'q-90' },
          { type: 'thumbnail' },
          { type: 'abs', value: 'sr-240_360_480', protocol: 'dash' },
        ],
      },
    },
  ],
  ['checks', { checks: '"file.size" < "1mb"' }],
  ['description', { description: 'Running shoes' }],
]

describe.skipIf(spec.path === undefined)('upload (contract, Prism)', () => {
  let prism: PrismServer
  beforeAll(async () => {
    prism = await startPrism(spec.path!)
  })
  afterAll(async () => {
    await prism?.stop()
  })

  const run = async (config: Omit<UploadConfig, 'fetch' | 'uploadBaseUrl'>, request: UploadRequest) => {
    const recorder = recordingFetch()
    // Strict: our own contract suite refuses any drift of the reply from the documented contract.
    const result = await upload(
      { ...config, uploadBaseUrl: prism.url, fetch: recorder.fetch, strictResponses: true },
      request,
    )()
    return { result, exchanges: recorder.exchanges }
  }

  const expectValid = ({ result, exchanges }: Awaited<ReturnType<typeof run>>) => {
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]!.violations, prism.log().slice(-2000)).toBeNull()
    expect(exchanges[0]!.status).toBe(200)
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') expect(UploadResult.is(result.right)).toBe(true)
  }

  it.each(files)('accepts %s, server-side', async (_title, file) => {
    expectValid(await run({ privateKey: 'private_contract' }, { file: file(), fileName: 'contract.bin' }))
  })

  it.each(files)('accepts %s, client-side', async (_title, file) => {
    expectValid(
      await run(
        { now: () => NOW },
        {
          file: file(),
          fileName: 'contract.bin',
          publicKey: 'public_contract',
          token: 'tok',
          signature: 'f'.repeat(40),
          expire: EXPIRE,
        },
      ),
    )
  })

  it.each(options)('accepts the %s option', async (_title, extra) => {
    expectValid(
      await run(
        { privateKey: 'private_contract' },
        { file: bytes('abc'), fileName: 'contract.jpg', ...extra },
      ),
    )
  })

  it('accepts every option at once, client-side', async () => {
    const all = Object.assign({}, ...options.map(([, o]) => o)) as Omit<UploadRequest, 'file' | 'fileName'>
    expectValid(
      await run(
        { now: () => NOW },
        {
          ...all,
          file: bytes('abc'),
          fileName: 'all.jpg',
          publicKey: 'public_contract',
          token: 'tok',
          signature: 'f'.repeat(40),
          expire: EXPIRE,
        },
      ),
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
      const result = await upload(
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
      expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.message).toMatch(/\w/)
      expect(JSON.stringify(result)).not.toContain('private_contract')
    },
  )

  it('fails the contract when a required field is missing (the check works)', async () => {
    const recorder = recordingFetch()
    const response = await recorder.fetch(`${prism.url}/api/v1/files/upload`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('k:')}` },
      body: (() => {
        const form = new FormData()
        form.set('fileName', 'x.jpg')
        return form
      })(),
    })
    await response.body?.cancel()
    expect(recorder.exchanges[0]!.violations ?? String(recorder.exchanges[0]!.status)).toMatch(/file|422|400/)
    expect(recorder.exchanges[0]!.status).not.toBe(200)
  })
})
