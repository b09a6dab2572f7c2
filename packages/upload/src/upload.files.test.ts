import { describe, expect, it } from 'vitest'
import type { UploadRequest } from '@imagekit-fp/upload'
import { captureFetch, entries } from './test-support/capture'
import { bytes, send, server } from './test-support/uploadCases'
import { finishes } from '../../../test/support/bounds'

describe('upload', () => {
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
})

describe('upload: the string file check is linear', () => {
  it.each([
    ['200,000 spaces and a bang', ' '.repeat(200_000) + '!'],
    ['10 MB of base64 letters and a bang', 'A'.repeat(10_000_000) + '!'],
  ])(
    'refuses %s before any request (the check ends: a backtracking one would run for hours)',
    async (_title, file) => {
      const { fetch, calls } = captureFetch()
      // The checks run synchronously when the task starts: `finishes` bounds them, the promise is awaited after.
      const result = await finishes(() => send(server(fetch), { file, fileName: 'a' }))
      expect(result._tag === 'Left' && result.left._tag === 'ValidationError' && result.left.path).toBe(
        'request.file',
      )
      expect(calls).toHaveLength(0)
    },
  )

  it('sends 1 MB of base64 with MIME line breaks as text', async () => {
    const b64 = Buffer.alloc(786_432, 7)
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n')
    const { fetch, calls } = captureFetch()
    expect((await send(server(fetch), { file: b64, fileName: 'a' }))._tag).toBe('Right')
    expect(calls[0]!.form.get('file')).toBe(b64)
  })
})
