import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRateGate, validationError, type RateGate, type ValidationError } from '@imagekit-fp/utils'
import {
  uploadDirectory,
  type UploadDirectoryOptions,
  type UploadDirectoryProgress,
} from '@imagekit-fp/upload/node'
import { account, base, byPath, KEY, ok, run, sha, tempPath, tree } from './test-support/directory'

describe('uploadDirectory: mapping', () => {
  it.each([
    ['/dest', '/dest', '/dest/x/y'],
    ['/dest/', '/dest', '/dest/x/y'],
    ['dest//sub', '/dest/sub', '/dest/sub/x/y'],
    ['/', '/', '/x/y'],
  ])('with folder %j, a.jpg goes to %s and x/y/c.jpg to %s', async (folder, top, deep) => {
    const root = tree({ 'a.jpg': 'A', 'x/y/c.jpg': 'C' })
    const ik = account()
    const report = await run(root, { folder }, ik.fetch)
    const at = (f: string, name: string) => `${f === '/' ? '' : f}/${name}`
    expect(byPath(report)).toStrictEqual({
      'a.jpg': {
        _tag: 'Done',
        ref: { path: 'a.jpg', folder: top, fileName: 'a.jpg' },
        result: ok(ik.stored.get(at(top, 'a.jpg'))!.fileId, at(top, 'a.jpg')),
      },
      'x/y/c.jpg': {
        _tag: 'Done',
        ref: { path: 'x/y/c.jpg', folder: deep, fileName: 'c.jpg' },
        result: ok(ik.stored.get(at(deep, 'c.jpg'))!.fileId, at(deep, 'c.jpg')),
      },
    })
    expect([...ik.stored.entries()].map(([p, f]) => [p, f.text]).sort()).toStrictEqual(
      [
        [at(top, 'a.jpg'), 'A'],
        [at(deep, 'c.jpg'), 'C'],
      ].sort(),
    )
    expect(report.total).toBe(2)
    expect(report.aborted).toBe(false)
  })

  it('applies uploadOptions to every file and uploads only what filter keeps', async () => {
    const root = tree({ 'a.jpg': 'A', 'b.txt': 'B', 'c/d.jpg': 'D' })
    const forms: Record<string, string>[] = []
    const ik = account()
    const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const form = await new Request(input, init).clone().formData()
      forms.push(Object.fromEntries([...form].filter(([k]) => k !== 'file').map(([k, v]) => [k, String(v)])))
      return ik.fetch(input, init)
    }) as typeof globalThis.fetch
    const report = await run(
      root,
      {
        folder: '/d',
        filter: (p) => p.endsWith('.jpg'),
        uploadOptions: { tags: ['bulk', 'x'], useUniqueFileName: false },
      },
      recording,
    )
    expect(Object.keys(byPath(report)).sort()).toStrictEqual(['a.jpg', 'c/d.jpg'])
    expect(forms.sort((a, b) => (a['fileName']! < b['fileName']! ? -1 : 1))).toStrictEqual([
      { fileName: 'a.jpg', useUniqueFileName: 'false', tags: 'bulk,x', folder: '/d' },
      { fileName: 'd.jpg', useUniqueFileName: 'false', tags: 'bulk,x', folder: '/d/c' },
    ])
  })
})

describe('uploadDirectory: refusals', () => {
  it('reports links that leave the folder and backslash names as Failed, sending only the rest', async () => {
    const outside = tree({ 'secret.txt': 'S' })
    const root = tree({ 'ok.jpg': 'O', 'a\\..\\b.jpg': 'B', 'inner/real.jpg': 'R' })
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'))
    symlinkSync('inner/real.jpg', path.join(root, 'alias.jpg'))
    const ik = account()
    const report = await run(root, { folder: '/d' }, ik.fetch)
    const failed = (rel: string, folder: string, fileName: string, error: ValidationError) => ({
      _tag: 'Failed',
      ref: { path: rel, folder, fileName },
      error,
    })
    const outcomes = byPath(report)
    expect({ 'a\\..\\b.jpg': outcomes['a\\..\\b.jpg'], 'leak.txt': outcomes['leak.txt'] }).toStrictEqual({
      'a\\..\\b.jpg': failed(
        'a\\..\\b.jpg',
        '/d',
        'a\\..\\b.jpg',
        validationError('a\\..\\b.jpg', 'has a backslash in a name (a folder separator on Windows): refused'),
      ),
      'leak.txt': failed(
        'leak.txt',
        '/d',
        'leak.txt',
        validationError('leak.txt', 'is a symbolic link to outside the folder: refused'),
      ),
    })
    expect(report.failed).toHaveLength(2)
    expect(report.done.map((o) => o.ref.path).sort()).toStrictEqual(['alias.jpg', 'inner/real.jpg', 'ok.jpg'])
    expect(ik.sent.sort()).toStrictEqual(['/d/alias.jpg', '/d/inner/real.jpg', '/d/ok.jpg'])
    expect(ik.stored.get('/d/alias.jpg')!.text).toBe('R')
  })
})

describe('uploadDirectory: a dir that is a link', () => {
  it('walks the target, where links between its own files count as inside', async () => {
    const target = tree({ 'a.jpg': 'A' })
    symlinkSync('a.jpg', path.join(target, 'b.jpg'))
    const link = tempPath('link')
    symlinkSync(target, link)
    const ik = account()
    const report = await run(link, { folder: '/l' }, ik.fetch)
    expect(report.failed).toStrictEqual([])
    expect(ik.sent.sort()).toStrictEqual(['/l/a.jpg', '/l/b.jpg'])
  })
})

describe('uploadDirectory: reports', () => {
  it("keep: 'failed' leaves done empty; onProgress ends with every file counted", async () => {
    const root = tree({ 'a.jpg': 'A', 'b.jpg': 'B', 'c\\d.jpg': 'C' })
    const ik = account()
    const progress: UploadDirectoryProgress[] = []
    const report = await run(
      root,
      { folder: '/k', keep: 'failed', onProgress: (p) => progress.push(p) },
      ik.fetch,
    )
    expect(report.done).toStrictEqual([])
    expect(report.failed.map((o) => o.ref.path)).toStrictEqual(['c\\d.jpg'])
    expect(report.total).toBe(3)
    expect(progress.at(-1)).toMatchObject({ done: 2, failed: 1, inFlight: 0, bytesDone: 2 })
  })

  it('records a file whose 2xx reply could not be read under the fileId it names, so a second run skips it', async () => {
    const root = tree({ 'a.jpg': 'A' })
    const manifest = `${tempPath('decode')}.jsonl`
    const ik = account(() => Response.json({ fileId: 'stored1', name: 42 }))
    const config = { privateKey: KEY, fetch: ik.fetch, strictResponses: true }
    const first = await uploadDirectory(config, root, { folder: '/s', manifest })()
    expect(first._tag === 'Right' && first.right.failed.map((o) => o.error._tag)).toStrictEqual([
      'DecodeError',
    ])
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toStrictEqual({
      path: 'a.jpg',
      filePath: '/s/a.jpg',
      size: 1,
      sha256: sha('A'),
      fileId: 'stored1',
    })
    const second = await uploadDirectory(config, root, { folder: '/s', manifest })()
    expect(second._tag === 'Right' && second.right.done.map((o) => o.result)).toStrictEqual([
      { _tag: 'AlreadyUploaded', fileId: 'stored1' },
    ])
    expect(ik.sent).toStrictEqual(['/s/a.jpg'])
  })
})

describe('uploadDirectory: rate limits', () => {
  it('waits out a 429 and sends the file again: each file stored once', async () => {
    const root = tree({ 'a.jpg': 'A', 'b.jpg': 'B', 'c.jpg': 'C' })
    const ik = account((_, call) =>
      call === 0
        ? Response.json({ message: 'Too many requests' }, { status: 429, headers: { 'retry-after': '0' } })
        : undefined,
    )
    const report = await run(root, { folder: '/q', concurrency: 1 }, ik.fetch)
    expect(report.failed).toStrictEqual([])
    expect(report.done.map((o) => o.ref.path).sort()).toStrictEqual(['a.jpg', 'b.jpg', 'c.jpg'])
    expect(ik.sent).toHaveLength(4)
    expect([...ik.stored.keys()].sort()).toStrictEqual(['/q/a.jpg', '/q/b.jpg', '/q/c.jpg'])
  })
})

describe('uploadDirectory: gate and signal', () => {
  it("closes the caller's gate on a 429 and waits on it before each file", async () => {
    const root = tree({ 'a.jpg': 'A', 'b.jpg': 'B' })
    const shared = createRateGate()
    const closes: number[] = []
    let waits = 0
    const gate: RateGate = {
      whenOpen: (signal) => {
        waits++
        return shared.whenOpen(signal)
      },
      closeUntil: (t) => {
        closes.push(t)
        shared.closeUntil(t)
      },
    }
    const ik = account((_, call) =>
      call === 0 ? Response.json({}, { status: 429, headers: { 'retry-after': '0' } }) : undefined,
    )
    const report = await run(root, { folder: '/g', gate, concurrency: 1 }, ik.fetch)
    expect(report.done.map((o) => o.ref.path).sort()).toStrictEqual(['a.jpg', 'b.jpg'])
    expect(closes).toHaveLength(1)
    expect(waits).toBeGreaterThanOrEqual(3)
  })

  it('with a signal aborted before the start, reads nothing and sends nothing', async () => {
    const root = tree({ 'a.jpg': 'A' })
    const ik = account()
    const report = await run(root, { folder: '/a', signal: AbortSignal.abort() }, ik.fetch)
    expect(report).toStrictEqual({ done: [], failed: [], total: 0, aborted: true })
    expect(ik.sent).toStrictEqual([])
  })
})

describe('uploadDirectory: validation', () => {
  const root = tree({ 'a.jpg': 'A' })
  const notADir = path.join(root, 'a.jpg')
  const manifestInside = path.join(base, 'never-created.jsonl')
  const OK: UploadDirectoryOptions = { folder: '/v', manifest: manifestInside }
  it.each([
    ['dir empty', {}, '', OK, validationError('dir', 'must be a non-empty string')],
    ['dir missing', {}, path.join(base, 'nope'), OK, validationError('dir', 'cannot be opened (ENOENT)')],
    ['dir a file', {}, notADir, OK, validationError('dir', 'is not a directory')],
    ['options not an object', {}, root, 'x', validationError('options', 'must be an object')],
    ['folder missing', {}, root, {}, validationError('options.folder', 'is required')],
    [
      'folder with ..',
      {},
      root,
      { folder: '/a/../b' },
      validationError('options.folder', "is not a usable name ('', '.', '..' or with /)"),
    ],
    [
      'folder with a backslash',
      {},
      root,
      { folder: '/a\\b' },
      validationError('options.folder', 'has a backslash in a name (a folder separator on Windows): refused'),
    ],
    [
      'concurrency 0',
      {},
      root,
      { ...OK, concurrency: 0 },
      validationError('options.concurrency', 'must be from 1 to 64'),
    ],
    [
      'concurrency 65',
      {},
      root,
      { ...OK, concurrency: 65 },
      validationError('options.concurrency', 'must be from 1 to 64'),
    ],
    [
      'gate without whenOpen',
      {},
      root,
      { ...OK, gate: { closeUntil: () => undefined } },
      validationError('options.gate', 'must be a RateGate (from createRateGate)'),
    ],
    ['onItem', {}, root, { ...OK, onItem: 1 }, validationError('options.onItem', 'must be a function')],
    ['filter', {}, root, { ...OK, filter: 'x' }, validationError('options.filter', 'must be a function')],
    [
      'keep',
      {},
      root,
      { ...OK, keep: 'some' },
      validationError('options.keep', "must be one of 'all', 'failed'"),
    ],
    [
      'manifest empty',
      {},
      root,
      { ...OK, manifest: '' },
      validationError('options.manifest', 'must be a non-empty string'),
    ],
    [
      'manifest a folder',
      {},
      root,
      { ...OK, manifest: base },
      validationError('options.manifest', 'cannot be opened (not a regular file)'),
    ],
    [
      'manifest a device',
      {},
      root,
      { ...OK, manifest: '/dev/null' },
      validationError('options.manifest', 'cannot be opened (not a regular file)'),
    ],
    [
      'a misspelt option',
      {},
      root,
      { ...OK, concurency: 2 },
      validationError(
        'options.concurency',
        'is not a known key (allowed: folder, concurrency, gate, signal, onProgress, onItem, keep, maxRateLimitRounds, manifest, uploadOptions, filter)',
      ),
    ],
    [
      'uploadOptions.tags',
      {},
      root,
      { ...OK, uploadOptions: { tags: ['ok', 1] } },
      validationError('options.uploadOptions.tags[1]', 'must be a string'),
    ],
    [
      'uploadOptions.folder',
      {},
      root,
      { ...OK, uploadOptions: { folder: '/x' } },
      validationError('options.uploadOptions.folder', 'is set by uploadDirectory'),
    ],
    [
      'uploadOptions.token',
      {},
      root,
      { ...OK, uploadOptions: { token: 't' } },
      validationError('options.uploadOptions.token', 'is set by uploadDirectory'),
    ],
    [
      'config without privateKey',
      { privateKey: undefined },
      root,
      OK,
      validationError(
        'config.privateKey',
        'is required (or pass publicKey, token, signature and expire for a client-side upload)',
      ),
    ],
    [
      'config.timeout',
      { timeout: -1 },
      root,
      OK,
      validationError('config.timeout', 'must be an integer number of milliseconds from 1 to 2147483647'),
    ],
    [
      'config.uploadBaseUrl over http to another host',
      { uploadBaseUrl: 'http://example.com' },
      root,
      OK,
      validationError(
        'config.uploadBaseUrl',
        'must use https: the private key is sent over http only to a loopback host',
      ),
    ],
  ] as const)(
    '%s is a ValidationError, before anything is sent or written',
    async (_, extra, dir, options, expected) => {
      const ik = account()
      const result = await uploadDirectory(
        { privateKey: KEY, fetch: ik.fetch, ...extra } as never,
        dir,
        options as never,
      )()
      expect(result).toStrictEqual({ _tag: 'Left', left: expected })
      expect(ik.sent).toStrictEqual([])
      expect(existsSync(manifestInside)).toBe(false)
    },
  )
})
