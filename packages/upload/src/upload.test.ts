import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { upload, type UploadConfig, type UploadRequest } from '@imagekit-fp/upload'
import { captureFetch, entries, RESULT } from './test-support/capture'

const NOW = 1_700_000_000_000
const EXPIRE = 1_700_000_600
const KEY = 'private_test_key'
const server = (fetch: typeof globalThis.fetch): UploadConfig => ({ privateKey: KEY, fetch, now: () => NOW })
const client = (fetch: typeof globalThis.fetch): UploadConfig => ({ fetch, now: () => NOW })
const CLIENT_AUTH = { publicKey: 'public_test', token: 'tok-1', signature: 'abc123', expire: EXPIRE } as const

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

const send = async (config: UploadConfig, request: UploadRequest) => upload(config, request)()

describe('upload', () => {
  describe('wire format', () => {
    it('posts multipart to {uploadBaseUrl}/api/v1/files/upload with Basic auth when config has a private key', async () => {
      const { fetch, calls } = captureFetch()
      const result = await send(server(fetch), { file: bytes('abc'), fileName: 'a.jpg' })
      expect(result).toStrictEqual({ _tag: 'Right', right: RESULT })
      expect(calls).toHaveLength(1)
      const call = calls[0]!
      expect(call.method).toBe('POST')
      expect(call.url).toBe('https://upload.imagekit.io/api/v1/files/upload')
      expect(call.headers['authorization']).toBe(`Basic ${btoa(`${KEY}:`)}`)
      expect(call.headers['content-type']).toMatch(
        /^multipart\/form-data; boundary=----imagekit-fp-[0-9a-f]{32}$/,
      )
      expect(call.headers['content-length']).toBe(String(call.body.length))
      expect(await entries(call.form)).toStrictEqual({
        fileName: 'a.jpg',
        file: { name: 'a.jpg', type: 'application/octet-stream', text: 'abc' },
      })
    })

    it('uses config.uploadBaseUrl', async () => {
      const { fetch, calls } = captureFetch()
      await send(
        { ...server(fetch), uploadBaseUrl: 'http://127.0.0.1:9/prefix/' },
        { file: bytes('x'), fileName: 'x' },
      )
      expect(calls[0]!.url).toBe('http://127.0.0.1:9/prefix/api/v1/files/upload')
    })

    it('sends the client-side fields and no Authorization header when the request carries them', async () => {
      const { fetch, calls } = captureFetch()
      await send(client(fetch), { file: bytes('abc'), fileName: 'a.jpg', ...CLIENT_AUTH })
      expect(calls[0]!.headers['authorization']).toBeUndefined()
      expect(await entries(calls[0]!.form)).toStrictEqual({
        fileName: 'a.jpg',
        publicKey: 'public_test',
        signature: 'abc123',
        expire: String(EXPIRE),
        token: 'tok-1',
        file: { name: 'a.jpg', type: 'application/octet-stream', text: 'abc' },
      })
    })

    it('ignores a lone publicKey in a server-side request (it is not sent)', async () => {
      const { fetch, calls } = captureFetch()
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a', publicKey: 'public_test' })
      expect(result._tag).toBe('Right')
      expect(calls[0]!.form.has('publicKey')).toBe(false)
    })

    it('takes the public key from config.publicKey when the client-side request has none', async () => {
      const { fetch, calls } = captureFetch()
      const { token, signature, expire } = CLIENT_AUTH
      const auth = { token, signature, expire }
      await send({ ...client(fetch), publicKey: 'from_config' }, { file: bytes('a'), fileName: 'a', ...auth })
      expect(calls[0]!.form.get('publicKey')).toBe('from_config')
    })

    it('encodes every option in ImageKit wire format, text fields before the file', async () => {
      const { fetch, calls } = captureFetch()
      await send(server(fetch), {
        file: bytes('abc'),
        fileName: 'shoe.jpg',
        useUniqueFileName: false,
        tags: ['t-shirt', 'round neck'],
        folder: '/products/2024',
        isPrivateFile: true,
        isPublished: false,
        customCoordinates: '10,10,100,100',
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
        extensions: [
          { name: 'remove-bg', options: { add_shadow: true, bg_color: 'green' } },
          { name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 },
          { name: 'aws-auto-tagging', maxTags: 3, minConfidence: 80 },
          { name: 'ai-auto-description' },
          {
            name: 'ai-tasks',
            tasks: [
              { type: 'select_tags', instruction: 'Which clothes?', vocabulary: ['shirt', 'dress'] },
              {
                type: 'select_metadata',
                instruction: 'Colour?',
                field: 'color',
                vocabulary: ['red', 1, true],
              },
              {
                type: 'yes_no',
                instruction: 'Luxury?',
                on_yes: { add_tags: ['luxury'], set_metadata: [{ field: 'tier', value: 'premium' }] },
              },
            ],
          },
          { name: 'saved-extension', id: 'ext_abc123' },
        ],
        webhookUrl: 'https://example.com/hook',
        overwriteFile: true,
        overwriteAITags: false,
        overwriteTags: true,
        overwriteCustomMetadata: false,
        customMetadata: { brand: 'Nike', price: 10, sale: true, sizes: ['S', 'M'] },
        transformation: {
          pre: 'w-300,h-300,q-80',
          post: [
            { type: 'transformation', value: 'w-100' },
            { type: 'gif-to-video' },
            { type: 'gif-to-video', value: 'q-90' },
            { type: 'thumbnail', value: 'w-150,h-150' },
            { type: 'abs', value: 'sr-240_360_480', protocol: 'hls' },
          ],
        },
        checks: '"file.size" < "1mb"',
        description: 'Running shoes',
      })
      const form = calls[0]!.form
      expect([...form.keys()]).toStrictEqual([
        'fileName',
        'useUniqueFileName',
        'tags',
        'folder',
        'isPrivateFile',
        'isPublished',
        'customCoordinates',
        'responseFields',
        'extensions',
        'webhookUrl',
        'overwriteFile',
        'overwriteAITags',
        'overwriteTags',
        'overwriteCustomMetadata',
        'customMetadata',
        'transformation',
        'checks',
        'description',
        'file',
      ])
      const text = await entries(form)
      delete text['file']
      expect(text).toStrictEqual({
        fileName: 'shoe.jpg',
        useUniqueFileName: 'false',
        tags: 't-shirt,round neck',
        folder: '/products/2024',
        isPrivateFile: 'true',
        isPublished: 'false',
        customCoordinates: '10,10,100,100',
        responseFields:
          'tags,customCoordinates,isPrivateFile,embeddedMetadata,isPublished,customMetadata,metadata,selectedFieldsSchema',
        extensions:
          '[{"name":"remove-bg","options":{"add_shadow":true,"bg_color":"green"}},' +
          '{"name":"google-auto-tagging","maxTags":5,"minConfidence":95},' +
          '{"name":"aws-auto-tagging","maxTags":3,"minConfidence":80},' +
          '{"name":"ai-auto-description"},' +
          '{"name":"ai-tasks","tasks":[{"type":"select_tags","instruction":"Which clothes?","vocabulary":["shirt","dress"]},' +
          '{"type":"select_metadata","instruction":"Colour?","field":"color","vocabulary":["red",1,true]},' +
          '{"type":"yes_no","instruction":"Luxury?","on_yes":{"add_tags":["luxury"],"set_metadata":[{"field":"tier","value":"premium"}]}}]},' +
          '{"name":"saved-extension","id":"ext_abc123"}]',
        webhookUrl: 'https://example.com/hook',
        overwriteFile: 'true',
        overwriteAITags: 'false',
        overwriteTags: 'true',
        overwriteCustomMetadata: 'false',
        customMetadata: '{"brand":"Nike","price":10,"sale":true,"sizes":["S","M"]}',
        transformation:
          '{"pre":"w-300,h-300,q-80","post":[{"type":"transformation","value":"w-100"},{"type":"gif-to-video"},' +
          '{"type":"gif-to-video","value":"q-90"},{"type":"thumbnail","value":"w-150,h-150"},' +
          '{"type":"abs","value":"sr-240_360_480","protocol":"hls"}]}',
        checks: '"file.size" < "1mb"',
        description: 'Running shoes',
      })
    })

    it('sends an empty tags array as an empty string', async () => {
      const { fetch, calls } = captureFetch()
      await send(server(fetch), { file: bytes('a'), fileName: 'a', tags: [] })
      expect(calls[0]!.form.get('tags')).toBe('')
    })

    it('keeps a file name with quotes and line breaks intact through the encoding', async () => {
      const { fetch, calls } = captureFetch()
      await send(server(fetch), { file: bytes('a'), fileName: 'a "b"\r\nc.jpg' })
      expect(calls[0]!.form.get('fileName')).toBe('a "b"\r\nc.jpg')
      expect((calls[0]!.form.get('file') as File).name).toBe('a "b"\r\nc.jpg')
    })
  })

  describe('file kinds', () => {
    const cases: readonly (readonly [string, () => UploadRequest['file'], unknown])[] = [
      [
        'a Blob with its type',
        () => new Blob(['<svg/>'], { type: 'image/svg+xml' }),
        { name: 'f.bin', type: 'image/svg+xml', text: '<svg/>' },
      ],
      [
        'a File (its own name is ignored)',
        () => new File(['xyz'], 'other.png', { type: 'image/png' }),
        { name: 'f.bin', type: 'image/png', text: 'xyz' },
      ],
      ['a Uint8Array', () => bytes('raw'), { name: 'f.bin', type: 'application/octet-stream', text: 'raw' }],
      [
        'a Uint8Array view into a larger buffer',
        () => bytes('xxrawxx').subarray(2, 5),
        { name: 'f.bin', type: 'application/octet-stream', text: 'raw' },
      ],
      [
        'an ArrayBuffer',
        () => bytes('buf').buffer as ArrayBuffer,
        { name: 'f.bin', type: 'application/octet-stream', text: 'buf' },
      ],
      [
        'a ReadableStream',
        () => new Blob(['str', 'eam']).stream(),
        { name: 'f.bin', type: 'application/octet-stream', text: 'stream' },
      ],
      ['an https URL (sent as text)', () => 'https://example.com/a.jpg?x=1', 'https://example.com/a.jpg?x=1'],
      [
        'a data URL (sent as text)',
        () => 'data:image/png;base64,iVBORw0KGgo=',
        'data:image/png;base64,iVBORw0KGgo=',
      ],
      ['plain base64 (sent as text)', () => 'iVBORw0KGgo=', 'iVBORw0KGgo='],
    ]
    it.each(cases)('sends %s', async (_title, file, expected) => {
      const { fetch, calls } = captureFetch()
      const result = await send(server(fetch), { file: file(), fileName: 'f.bin' })
      expect(result._tag).toBe('Right')
      expect((await entries(calls[0]!.form))['file']).toStrictEqual(expected)
    })

    it('streams a ReadableStream file part chunk by chunk, ending with the closing boundary', async () => {
      const { fetch, calls } = captureFetch()
      const chunks = ['a', 'b', 'c']
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift()
          if (next === undefined) controller.close()
          else controller.enqueue(bytes(next))
        },
      })
      await send(server(fetch), { file: stream, fileName: 's.txt' })
      const text = new TextDecoder().decode(calls[0]!.body)
      const boundary = text.split('\r\n')[0]!
      expect(text.endsWith(`\r\nabc\r\n${boundary}--\r\n`)).toBe(true)
    })

    it('sends the multipart boundary of a streamed body in Content-Type', async () => {
      const { fetch, calls } = captureFetch()
      await send(server(fetch), { file: new Blob(['x']).stream(), fileName: 's.txt' })
      const boundary = new TextDecoder().decode(calls[0]!.body).split('\r\n')[0]!.slice(2)
      expect(calls[0]!.headers['content-type']).toBe(`multipart/form-data; boundary=${boundary}`)
    })

    it('fails with a NetworkError when a stream yields something other than bytes', async () => {
      const { fetch } = captureFetch()
      const stream = new ReadableStream({
        start: (c) => c.enqueue('not bytes'),
      }) as unknown as ReadableStream<Uint8Array>
      const result = await send(server(fetch), { file: stream, fileName: 's.txt' })
      expect(result._tag === 'Left' && result.left._tag).toBe('NetworkError')
    })
  })

  describe('validation', () => {
    const base: UploadRequest = { file: bytes('a'), fileName: 'a.jpg' }
    const cases: readonly (readonly [string, unknown, unknown, { path: string; message: string }])[] = [
      ['config is not an object', null, base, { path: 'config', message: 'must be an object' }],
      [
        'request is not an object',
        { privateKey: KEY },
        'a.jpg',
        { path: 'request', message: 'must be an object' },
      ],
      [
        'file is missing',
        { privateKey: KEY },
        { fileName: 'a' },
        { path: 'request.file', message: 'is required' },
      ],
      [
        'file is an empty string',
        { privateKey: KEY },
        { file: '', fileName: 'a' },
        { path: 'request.file', message: 'is required' },
      ],
      [
        'file is a number',
        { privateKey: KEY },
        { file: 42, fileName: 'a' },
        {
          path: 'request.file',
          message:
            'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or base64 (on Node, see fileFromPath and Readable.toWeb)',
        },
      ],
      [
        'file is a Node Readable',
        { privateKey: KEY },
        { file: { pipe: () => undefined }, fileName: 'a' },
        {
          path: 'request.file',
          message:
            'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or base64 (on Node, see fileFromPath and Readable.toWeb)',
        },
      ],
      [
        'file is a path on disk',
        { privateKey: KEY },
        { file: './photo.jpg', fileName: 'a' },
        {
          path: 'request.file',
          message:
            'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or base64 (on Node, see fileFromPath and Readable.toWeb)',
        },
      ],
      [
        'file is a data URL without base64',
        { privateKey: KEY },
        { file: 'data:text/plain,hello', fileName: 'a' },
        {
          path: 'request.file',
          message:
            'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or base64 (on Node, see fileFromPath and Readable.toWeb)',
        },
      ],
      [
        'file is a broken URL',
        { privateKey: KEY },
        { file: 'https://exa mple.com/', fileName: 'a' },
        {
          path: 'request.file',
          message:
            'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or base64 (on Node, see fileFromPath and Readable.toWeb)',
        },
      ],
      [
        'fileName is missing',
        { privateKey: KEY },
        { file: 'abc=' },
        { path: 'request.fileName', message: 'is required' },
      ],
      [
        'fileName is empty',
        { privateKey: KEY },
        { file: 'abc=', fileName: '' },
        { path: 'request.fileName', message: 'is required' },
      ],
      [
        'fileName is not a string',
        { privateKey: KEY },
        { file: 'abc=', fileName: 7 },
        { path: 'request.fileName', message: 'must be a non-empty string' },
      ],
      [
        'neither auth mode is given',
        {},
        base,
        {
          path: 'config.privateKey',
          message: 'is required (or pass publicKey, token, signature and expire for a client-side upload)',
        },
      ],
      [
        'both auth modes are given',
        { privateKey: KEY },
        { ...base, token: 't' },
        {
          path: 'request.token',
          message: 'use config.privateKey or publicKey, token, signature and expire, not both',
        },
      ],
      [
        'the private key is empty',
        { privateKey: '' },
        base,
        { path: 'config.privateKey', message: 'must not be empty' },
      ],
      [
        'the private key is not a string',
        { privateKey: 1 },
        base,
        { path: 'config.privateKey', message: 'must be a string' },
      ],
      [
        'client-side publicKey is missing',
        { now: () => NOW },
        { ...base, token: 't', signature: 's', expire: EXPIRE },
        {
          path: 'request.publicKey',
          message: 'is required for a client-side upload',
        },
      ],
      [
        'client-side token is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', signature: 's', expire: EXPIRE },
        {
          path: 'request.token',
          message: 'is required for a client-side upload',
        },
      ],
      [
        'client-side signature is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', token: 't', expire: EXPIRE },
        {
          path: 'request.signature',
          message: 'is required for a client-side upload',
        },
      ],
      [
        'client-side expire is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', token: 't', signature: 's' },
        {
          path: 'request.expire',
          message: 'is required for a client-side upload',
        },
      ],
      [
        'client-side token is empty',
        { now: () => NOW },
        { ...base, ...CLIENT_AUTH, token: '' },
        { path: 'request.token', message: 'must be a non-empty string' },
      ],
      [
        'client-side expire is a string',
        { now: () => NOW },
        { ...base, ...CLIENT_AUTH, expire: '1700000600' },
        { path: 'request.expire', message: 'must be an integer Unix time in seconds' },
      ],
      [
        'client-side expire has passed',
        { now: () => NOW },
        { ...base, ...CLIENT_AUTH, expire: 1_700_000_000 },
        {
          path: 'request.expire',
          message: 'has passed (now 1700000000)',
        },
      ],
      [
        'config.now is not a function',
        { now: 5 },
        { ...base, ...CLIENT_AUTH },
        { path: 'config.now', message: 'must be a function' },
      ],
      [
        'retryUploads is not a boolean',
        { privateKey: KEY, retryUploads: 'yes' },
        base,
        { path: 'config.retryUploads', message: 'must be a boolean' },
      ],
      [
        'useUniqueFileName is a string',
        { privateKey: KEY },
        { ...base, useUniqueFileName: 'false' },
        { path: 'request.useUniqueFileName', message: 'must be a boolean' },
      ],
      [
        'overwriteAITags is a number',
        { privateKey: KEY },
        { ...base, overwriteAITags: 0 },
        { path: 'request.overwriteAITags', message: 'must be a boolean' },
      ],
      [
        'tags is a string',
        { privateKey: KEY },
        { ...base, tags: 'a,b' },
        { path: 'request.tags', message: 'must be an array' },
      ],
      [
        'a tag is not a string',
        { privateKey: KEY },
        { ...base, tags: ['a', 1] },
        { path: 'request.tags[1]', message: 'must be a string' },
      ],
      [
        'a tag contains a comma',
        { privateKey: KEY },
        { ...base, tags: ['a', 'b,c'] },
        { path: 'request.tags[1]', message: 'must be non-empty, without a comma or %' },
      ],
      [
        'a tag contains %',
        { privateKey: KEY },
        { ...base, tags: ['50%'] },
        { path: 'request.tags[0]', message: 'must be non-empty, without a comma or %' },
      ],
      [
        'a tag is empty',
        { privateKey: KEY },
        { ...base, tags: [''] },
        { path: 'request.tags[0]', message: 'must be non-empty, without a comma or %' },
      ],
      [
        'folder is not a string',
        { privateKey: KEY },
        { ...base, folder: ['/a'] },
        { path: 'request.folder', message: 'must be a string' },
      ],
      [
        'customCoordinates has three numbers',
        { privateKey: KEY },
        { ...base, customCoordinates: '1,2,3' },
        {
          path: 'request.customCoordinates',
          message: 'must be "x,y,width,height"',
        },
      ],
      [
        'a response field is unknown',
        { privateKey: KEY },
        { ...base, responseFields: ['tags', 'url'] },
        {
          path: 'request.responseFields[1]',
          message:
            'must be one of tags, customCoordinates, isPrivateFile, embeddedMetadata, isPublished, customMetadata, metadata, selectedFieldsSchema',
        },
      ],
      [
        'extensions is an object',
        { privateKey: KEY },
        { ...base, extensions: { name: 'remove-bg' } },
        { path: 'request.extensions', message: 'must be an array' },
      ],
      [
        'an extension name is unknown',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'blur' }] },
        {
          path: 'request.extensions[0].name',
          message:
            'must be one of remove-bg, google-auto-tagging, aws-auto-tagging, ai-auto-description, ai-tasks, saved-extension',
        },
      ],
      [
        'auto-tagging lacks maxTags',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'aws-auto-tagging', minConfidence: 5 }] },
        { path: 'request.extensions[0].maxTags', message: 'must be a non-negative integer' },
      ],
      [
        'auto-tagging confidence is above 100',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 101 }] },
        { path: 'request.extensions[0].minConfidence', message: 'must be an integer from 0 to 100' },
      ],
      [
        'remove-bg has both backgrounds',
        { privateKey: KEY },
        {
          ...base,
          extensions: [{ name: 'remove-bg', options: { bg_color: 'red', bg_image_url: 'https://x/y.png' } }],
        },
        {
          path: 'request.extensions[0].options.bg_image_url',
          message: 'set bg_color or bg_image_url, not both',
        },
      ],
      [
        'remove-bg add_shadow is a string',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'remove-bg', options: { add_shadow: 'yes' } }] },
        { path: 'request.extensions[0].options.add_shadow', message: 'must be a boolean' },
      ],
      [
        'ai-tasks has no tasks',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'ai-tasks', tasks: [] }] },
        { path: 'request.extensions[0].tasks', message: 'must be an array of 1 to 10 tasks' },
      ],
      [
        'an ai task has no instruction',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'ai-tasks', tasks: [{ type: 'yes_no' }] }] },
        {
          path: 'request.extensions[0].tasks[0].instruction',
          message: 'must be a string of 1 to 2000 characters',
        },
      ],
      [
        'a select_metadata task has no field',
        { privateKey: KEY },
        {
          ...base,
          extensions: [{ name: 'ai-tasks', tasks: [{ type: 'select_metadata', instruction: 'x' }] }],
        },
        { path: 'request.extensions[0].tasks[0].field', message: 'must be a non-empty string' },
      ],
      [
        'a saved extension has no id',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'saved-extension' }] },
        { path: 'request.extensions[0].id', message: 'must be a non-empty string' },
      ],
      [
        'webhookUrl is relative',
        { privateKey: KEY },
        { ...base, webhookUrl: '/hook' },
        { path: 'request.webhookUrl', message: 'must be an http(s) URL' },
      ],
      [
        'customMetadata is an array',
        { privateKey: KEY },
        { ...base, customMetadata: ['a'] },
        { path: 'request.customMetadata', message: 'must be an object' },
      ],
      [
        'customMetadata holds a bigint',
        { privateKey: KEY },
        { ...base, customMetadata: { n: 1n } },
        {
          path: 'request.customMetadata',
          message: 'must be serialisable as JSON (Do not know how to serialize a BigInt)',
        },
      ],
      [
        'transformation has neither pre nor post',
        { privateKey: KEY },
        { ...base, transformation: {} },
        {
          path: 'request.transformation',
          message: 'must have pre, post or both',
        },
      ],
      [
        'transformation has an unknown key',
        { privateKey: KEY },
        { ...base, transformation: { pre: 'w-1', mid: 'x' } },
        { path: 'request.transformation.mid', message: 'is not a known key (allowed: pre, post)' },
      ],
      [
        'pre is empty',
        { privateKey: KEY },
        { ...base, transformation: { pre: '' } },
        {
          path: 'request.transformation.pre',
          message: 'must be a non-empty string',
        },
      ],
      [
        'post is not an array',
        { privateKey: KEY },
        { ...base, transformation: { post: { type: 'thumbnail' } } },
        {
          path: 'request.transformation.post',
          message: 'must be an array',
        },
      ],
      [
        'a post step has an unknown type',
        { privateKey: KEY },
        { ...base, transformation: { post: [{ type: 'resize', value: 'w-1' }] } },
        {
          path: 'request.transformation.post[0].type',
          message: 'must be one of transformation, gif-to-video, thumbnail, abs',
        },
      ],
      [
        'a transformation step has no value',
        { privateKey: KEY },
        { ...base, transformation: { post: [{ type: 'thumbnail' }, { type: 'transformation' }] } },
        {
          path: 'request.transformation.post[1].value',
          message: 'must be a non-empty string',
        },
      ],
      [
        'an abs step has no protocol',
        { privateKey: KEY },
        { ...base, transformation: { post: [{ type: 'abs', value: 'sr-240' }] } },
        {
          path: 'request.transformation.post[0].protocol',
          message: 'must be hls or dash',
        },
      ],
      [
        'a thumbnail step has a protocol',
        { privateKey: KEY },
        { ...base, transformation: { post: [{ type: 'thumbnail', protocol: 'hls' }] } },
        {
          path: 'request.transformation.post[0].protocol',
          message: 'is not a known key (allowed: type, value)',
        },
      ],
      [
        'checks is not a string',
        { privateKey: KEY },
        { ...base, checks: 1 },
        { path: 'request.checks', message: 'must be a string' },
      ],
      [
        'description is not a string',
        { privateKey: KEY },
        { ...base, description: null },
        { path: 'request.description', message: 'must be a string' },
      ],
      [
        'onProgress is not a function',
        { privateKey: KEY },
        { ...base, onProgress: 'x' },
        { path: 'request.onProgress', message: 'must be a function' },
      ],
      [
        'signal is not an AbortSignal',
        { privateKey: KEY },
        { ...base, signal: {} },
        { path: 'request.signal', message: 'must be an AbortSignal' },
      ],
      [
        'config.now throws',
        {
          now: () => {
            throw new Error('no clock')
          },
        },
        { ...base, ...CLIENT_AUTH },
        { path: 'config.now', message: 'must return a finite number of milliseconds' },
      ],
      [
        'client-side expire is negative',
        { now: () => NOW },
        { ...base, ...CLIENT_AUTH, expire: -5 },
        { path: 'request.expire', message: 'must be an integer Unix time in seconds' },
      ],
      [
        'an extension is not an object',
        { privateKey: KEY },
        { ...base, extensions: ['remove-bg'] },
        { path: 'request.extensions[0]', message: 'must be an object' },
      ],
      [
        'remove-bg options is an array',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'remove-bg', options: [] }] },
        { path: 'request.extensions[0].options', message: 'must be an object' },
      ],
      [
        'an ai task type is unknown',
        { privateKey: KEY },
        { ...base, extensions: [{ name: 'ai-tasks', tasks: [{ type: 'guess', instruction: 'x' }] }] },
        {
          path: 'request.extensions[0].tasks[0].type',
          message: 'must be one of select_tags, select_metadata, yes_no',
        },
      ],
      [
        'an ai task instruction is too long',
        { privateKey: KEY },
        {
          ...base,
          extensions: [{ name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'x'.repeat(2001) }] }],
        },
        {
          path: 'request.extensions[0].tasks[0].instruction',
          message: 'must be a string of 1 to 2000 characters',
        },
      ],
      [
        'ai-tasks has eleven tasks',
        { privateKey: KEY },
        {
          ...base,
          extensions: [
            {
              name: 'ai-tasks',
              tasks: Array.from({ length: 11 }, () => ({ type: 'select_tags', instruction: 'x' })),
            },
          ],
        },
        { path: 'request.extensions[0].tasks', message: 'must be an array of 1 to 10 tasks' },
      ],
      [
        'a yes_no action sets metadata with an object',
        { privateKey: KEY },
        {
          ...base,
          extensions: [
            {
              name: 'ai-tasks',
              tasks: [{ type: 'yes_no', instruction: 'x', on_no: { set_metadata: { field: 'a' } } }],
            },
          ],
        },
        { path: 'request.extensions[0].tasks[0].on_no.set_metadata', message: 'must be an array' },
      ],
      [
        'a task has negative min_selections',
        { privateKey: KEY },
        {
          ...base,
          extensions: [
            { name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'x', min_selections: -1 }] },
          ],
        },
        { path: 'request.extensions[0].tasks[0].min_selections', message: 'must be a non-negative integer' },
      ],
      [
        'a gif-to-video step has an empty value',
        { privateKey: KEY },
        { ...base, transformation: { post: [{ type: 'gif-to-video', value: '' }] } },
        { path: 'request.transformation.post[0].value', message: 'must be a non-empty string' },
      ],
      [
        'customMetadata cannot be turned into JSON',
        { privateKey: KEY },
        {
          ...base,
          customMetadata: {
            toJSON: () => {
              throw new Error('boom')
            },
          },
        },
        { path: 'request.customMetadata', message: 'must be serialisable as JSON (boom)' },
      ],
      [
        'a nested getter throws',
        { privateKey: KEY },
        {
          ...base,
          extensions: [
            {
              name: 'remove-bg',
              get options(): object {
                throw new Error('boom')
              },
            },
          ],
        },
        { path: 'request.extensions[0].options', message: 'could not be read' },
      ],
      [
        'a proxy hides the keys of transformation',
        { privateKey: KEY },
        {
          ...base,
          transformation: new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error('boom')
              },
            },
          ),
        },
        { path: 'request.transformation', message: 'could not be read' },
      ],
      [
        'a getter throws',
        { privateKey: KEY },
        {
          ...base,
          get folder(): string {
            throw new Error('boom')
          },
        },
        { path: 'request.folder', message: 'could not be read' },
      ],
    ]
    it.each(cases)(
      'is a ValidationError when %s, before any request',
      async (_title, config, request, expected) => {
        const { fetch, calls } = captureFetch()
        const cfg = config !== null && typeof config === 'object' ? { ...config, fetch } : config
        const result = await upload(cfg as UploadConfig, request as UploadRequest)()
        expect(result).toStrictEqual({ _tag: 'Left', left: validationError(expected.path, expected.message) })
        expect(calls).toHaveLength(0)
      },
    )

    it('is a ValidationError when the private key would go over plain http to a remote host', async () => {
      const { fetch, calls } = captureFetch()
      const result = await send({ ...server(fetch), uploadBaseUrl: 'http://example.com' }, base)
      expect(result._tag === 'Left' && result.left._tag).toBe('ValidationError')
      expect(calls).toHaveLength(0)
    })

    it('is a ValidationError for a detached ArrayBuffer', async () => {
      const buffer = new ArrayBuffer(4)
      structuredClone(buffer, { transfer: [buffer] })
      const { fetch, calls } = captureFetch()
      expect(await send(server(fetch), { file: buffer, fileName: 'a' })).toStrictEqual({
        _tag: 'Left',
        left: validationError('request.file', 'could not be read'),
      })
      expect(calls).toHaveLength(0)
    })

    it('is a ValidationError for a locked stream', async () => {
      const stream = new Blob(['a']).stream()
      stream.getReader()
      const { fetch } = captureFetch()
      expect(await send(server(fetch), { file: stream, fileName: 'a' })).toStrictEqual({
        _tag: 'Left',
        left: validationError('request.file', 'is a locked ReadableStream'),
      })
    })
  })

  describe('progress and abort', () => {
    it('reports progress up to the whole body', async () => {
      const { fetch, calls } = captureFetch()
      const seen: { loaded: number; total?: number }[] = []
      await send(server(fetch), {
        file: new Uint8Array(100_000),
        fileName: 'a',
        onProgress: (p) => seen.push(p),
      })
      const last = seen.at(-1)
      expect(last).toStrictEqual({ loaded: calls[0]!.body.length, total: calls[0]!.body.length })
    })

    it('ignores a progress callback that throws', async () => {
      const { fetch } = captureFetch()
      const result = await send(server(fetch), {
        file: bytes('a'),
        fileName: 'a',
        onProgress: () => {
          throw new Error('ui gone')
        },
      })
      expect(result._tag).toBe('Right')
    })

    it('is a NetworkError Aborted when the signal is already aborted', async () => {
      const { fetch, calls } = captureFetch()
      const controller = new AbortController()
      controller.abort()
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a', signal: controller.signal })
      expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
        'Aborted',
      )
      expect(calls).toHaveLength(0)
    })
  })

  describe('replies', () => {
    it('is a DecodeError when a 2xx body is not an upload result', async () => {
      const { fetch } = captureFetch(() => new Response(JSON.stringify({ queued: true }), { status: 202 }))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag).toBe('DecodeError')
    })

    it('is an UploadAccepted (no fileId) when ImageKit queued a video pre-transformation (202)', async () => {
      const body = { message: 'Your request has been accepted. It will be processed shortly.' }
      const { fetch } = captureFetch(() => new Response(JSON.stringify(body), { status: 202 }))
      const result = await send(server(fetch), {
        file: bytes('a'),
        fileName: 'a.mp4',
        transformation: { pre: 'w-300' },
      })
      expect(result).toStrictEqual({ _tag: 'Right', right: body })
      const accepted =
        result._tag === 'Right' && !('fileId' in result.right) ? result.right.message : undefined
      expect(accepted).toBe(body.message)
    })

    it('is a DecodeError when a body has a message and a fileId but is no upload result', async () => {
      const { fetch } = captureFetch(() => Response.json({ message: 'queued', fileId: 7 }, { status: 202 }))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.message).toBe(
        'the response to POST https://upload.imagekit.io/api/v1/files/upload does not match UploadResult: ' +
          'fileId: expected string, got 7; name: expected string, got undefined; ' +
          'filePath: expected string, got undefined; url: expected string, got undefined',
      )
    })

    it('keeps an upload result that also carries a message as an UploadResult', async () => {
      const body = { ...RESULT, message: 'ok' }
      const { fetch } = captureFetch(() => Response.json(body))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result).toStrictEqual({ _tag: 'Right', right: body })
      expect(result._tag === 'Right' && 'fileId' in result.right && result.right.url).toBe(RESULT.url)
    })

    it('is a DecodeError naming every failing field when a 2xx body has wrong types', async () => {
      const body = { ...RESULT, tags: ['a', 2], AITags: [{ confidence: 'high' }], versionInfo: { id: 7 } }
      const { fetch } = captureFetch(() => Response.json(body))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.message).toBe(
        'the response to POST https://upload.imagekit.io/api/v1/files/upload does not match UploadResult: ' +
          'tags[1]: expected string, got 2; AITags[0].confidence: expected number, got "high"; ' +
          'versionInfo.id: expected string, got 7',
      )
    })

    it("is an HttpError carrying ImageKit's message and help", async () => {
      const { fetch } = captureFetch(
        () =>
          new Response(
            JSON.stringify({ message: 'Your account cannot be authenticated.', help: 'For support…' }),
            {
              status: 401,
              headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
            },
          ),
      )
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left).toMatchObject({
        _tag: 'HttpError',
        status: 401,
        message: 'Your account cannot be authenticated.',
        help: 'For support…',
        requestId: 'req-1',
      })
      expect(JSON.stringify(result)).not.toContain(KEY)
    })

    it('is a NetworkError Transport when fetch rejects', async () => {
      const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch
      const result = await send(server(failing), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
        'Transport',
      )
    })

    it('never rejects, even when fetch throws synchronously', async () => {
      const throwing = (() => {
        throw new Error('sync')
      }) as unknown as typeof fetch
      const result = await send(server(throwing), { file: bytes('a'), fileName: 'a' })
      expect(result._tag).toBe('Left')
    })
  })
})
