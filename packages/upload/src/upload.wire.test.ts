import { describe, expect, it } from 'vitest'
import { captureFetch, entries, UPLOADED } from './test-support/capture'
import { CLIENT_AUTH, EXPIRE, KEY, bytes, client, send, server } from './test-support/uploadCases'

describe('upload', () => {
  describe('wire format', () => {
    it('posts multipart to {uploadBaseUrl}/api/v1/files/upload with Basic auth when config has a private key', async () => {
      const { fetch, calls } = captureFetch()
      const result = await send(server(fetch), { file: bytes('abc'), fileName: 'a.jpg' })
      expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
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

    it('takes an empty config.privateKey as no key for a client-side upload, as uploadV2 does', async () => {
      const { fetch, calls } = captureFetch()
      const result = await send(
        { ...client(fetch), privateKey: '' },
        { file: bytes('abc'), fileName: 'a.jpg', ...CLIENT_AUTH },
      )
      expect(result._tag).toBe('Right')
      expect(calls[0]!.headers['authorization']).toBeUndefined()
      expect(calls[0]!.form.get('token')).toBe('tok-1')
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
})
