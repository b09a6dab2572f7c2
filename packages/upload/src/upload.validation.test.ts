import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { captureFetch } from './test-support/capture'
import {
  type Refusal,
  CLIENT_AUTH,
  EXPIRE,
  KEY,
  NOW,
  base,
  cli,
  expectRefused,
  row,
  send,
  server,
  srv,
} from './test-support/uploadCases'

const FILE =
  'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or strict base64 text (for a path on disk use fileFromPath from @imagekit-fp/upload/node; for a Node stream, Readable.toWeb)'
const PATH =
  'looks like a path on disk, not base64: use fileFromPath from @imagekit-fp/upload/node (or send the bytes, a Blob or a base64 data URL)'

describe('upload', () => {
  describe('validation of the config, the file and the auth fields', () => {
    const cases: readonly Refusal[] = [
      row('config is not an object', null, base, 'config', 'must be an object'),
      row('request is not an object', { privateKey: KEY }, 'a.jpg', 'request', 'must be an object'),
      row('file is missing', { privateKey: KEY }, { fileName: 'a' }, 'request.file', 'is required'),
      row('file is an empty string', { privateKey: KEY }, { file: '', fileName: 'a' }, 'request.file', FILE),
      row('file is a number', { privateKey: KEY }, { file: 42, fileName: 'a' }, 'request.file', FILE),
      row(
        'file is a Node Readable',
        { privateKey: KEY },
        { file: { pipe: () => undefined }, fileName: 'a' },
        'request.file',
        FILE,
      ),
      row(
        'file is a path on disk',
        { privateKey: KEY },
        { file: './photo.jpg', fileName: 'a' },
        'request.file',
        PATH,
      ),
      row(
        'file is a data URL without base64',
        { privateKey: KEY },
        { file: 'data:text/plain,hello', fileName: 'a' },
        'request.file',
        FILE,
      ),
      row(
        'file is a broken URL',
        { privateKey: KEY },
        { file: 'https://exa mple.com/', fileName: 'a' },
        'request.file',
        FILE,
      ),
      srv(
        'file is an absolute path that strict base64 would take',
        { file: '/srv/img/cat' },
        'request.file',
        PATH,
      ),
      srv('file is a relative path', { file: 'photos/cat' }, 'request.file', PATH),
      srv('file is a relative path of base64 length', { file: 'img/cats' }, 'request.file', PATH),
      srv('file is plain text', { file: 'my holiday photo' }, 'request.file', FILE),
      srv('file is base64 with a space inside', { file: 'aGVs bG8=' }, 'request.file', FILE),
      srv('file is base64 of the wrong length', { file: 'aGVsbG8' }, 'request.file', FILE),
      srv('file is base64 with = inside', { file: 'aG=sbG8=' }, 'request.file', FILE),
      row('fileName is missing', { privateKey: KEY }, { file: 'abc=' }, 'request.fileName', 'is required'),
      row(
        'fileName is empty',
        { privateKey: KEY },
        { file: 'abc=', fileName: '' },
        'request.fileName',
        'must not be empty',
      ),
      row(
        'fileName is not a string',
        { privateKey: KEY },
        { file: 'abc=', fileName: 7 },
        'request.fileName',
        'must be a string',
      ),
      row(
        'neither auth mode is given',
        {},
        base,
        'config.privateKey',
        'is required (or pass publicKey, token, signature and expire for a client-side upload)',
      ),
      srv(
        'both auth modes are given',
        { token: 't' },
        'request.token',
        'use config.privateKey or publicKey, token, signature and expire, not both',
      ),
      row('the private key is empty', { privateKey: '' }, base, 'config.privateKey', 'must not be empty'),
      row(
        'the private key is not a string',
        { privateKey: 1 },
        base,
        'config.privateKey',
        'must be a string',
      ),
      row(
        'client-side publicKey is missing',
        { now: () => NOW },
        { ...base, token: 't', signature: 's', expire: EXPIRE },
        'request.publicKey',
        'is required for a client-side upload',
      ),
      row(
        'client-side token is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', signature: 's', expire: EXPIRE },
        'request.token',
        'is required for a client-side upload',
      ),
      row(
        'client-side signature is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', token: 't', expire: EXPIRE },
        'request.signature',
        'is required for a client-side upload',
      ),
      row(
        'client-side expire is missing',
        { now: () => NOW },
        { ...base, publicKey: 'p', token: 't', signature: 's' },
        'request.expire',
        'is required for a client-side upload',
      ),
      cli('client-side token is empty', { token: '' }, 'request.token', 'must be a non-empty string'),
      cli(
        'client-side expire is a string',
        { expire: '1700000600' },
        'request.expire',
        'must be an integer Unix time in seconds',
      ),
      cli(
        'client-side expire is now (as getAuthenticationParameters refuses it: one rule)',
        { expire: 1_700_000_000 },
        'request.expire',
        'must be in the future (it is 1700000000, now is 1700000000)',
      ),
      cli(
        'client-side expire is more than an hour ahead',
        { expire: 1_700_003_601 },
        'request.expire',
        'must be at most 3600 s after now (it is 1700003601, now is 1700000000); ImageKit rejects it',
      ),
      row(
        'config.now is not a function',
        { now: 5 },
        { ...base, ...CLIENT_AUTH },
        'config.now',
        'must be a function returning milliseconds',
      ),
      row(
        'retryUploads is not a boolean',
        { privateKey: KEY, retryUploads: 'yes' },
        base,
        'config.retryUploads',
        'must be a boolean',
      ),
      srv(
        'onUploadProgress is not a function',
        { onUploadProgress: 'x' },
        'request.onUploadProgress',
        'must be a function',
      ),
      srv('signal is not an AbortSignal', { signal: {} }, 'request.signal', 'must be an AbortSignal'),
      row(
        'config.now throws',
        {
          now: () => {
            throw new Error('no clock')
          },
        },
        { ...base, ...CLIENT_AUTH },
        'config.now',
        'threw instead of returning milliseconds',
      ),
      cli(
        'client-side expire is negative',
        { expire: -5 },
        'request.expire',
        'must be in the future (it is -5, now is 1700000000)',
      ),
    ]
    it.each(cases)(
      'is a ValidationError when %s, before any request',
      async (_title, config, request, path, message) =>
        expectRefused(config, request, validationError(path, message)),
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
})
