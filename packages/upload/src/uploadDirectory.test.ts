import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRateGate, validationError, type RateGate, type ValidationError } from '@imagekit-fp/utils'
import {
  uploadDirectory,
  type UploadDirectoryOptions,
  type UploadDirectoryOutcome,
  type UploadDirectoryProgress,
  type UploadDirectoryReport,
} from '@imagekit-fp/upload/node'

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'ikfp-updir-')))
afterAll(() => rmSync(base, { recursive: true, force: true }))
let made = 0

/** A fresh folder holding `files` (relative path → content). */
const tree = (files: Record<string, string>): string => {
  const root = path.join(base, `t${++made}`)
  mkdirSync(root, { recursive: true })
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), content)
  }
  return root
}

/** A fake ImageKit upload endpoint: stores each upload by its file path (a second upload overwrites it). */
const account = (reply?: (filePath: string, call: number) => Response | undefined) => {
  const stored = new Map<string, { readonly text: string; readonly fileId: string }>()
  const sent: string[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = await new Request(input, init).formData()
    const folder = form.get('folder') as string
    const fileName = form.get('fileName') as string
    const filePath = `${folder === '/' ? '' : folder}/${fileName}`
    sent.push(filePath)
    const special = reply?.(filePath, sent.length - 1)
    if (special !== undefined) return special
    const fileId = `f${sent.length}`
    stored.set(filePath, { text: await (form.get('file') as File).text(), fileId })
    return Response.json({ fileId, name: fileName, filePath })
  }) as typeof globalThis.fetch
  return { fetch, stored, sent }
}

const KEY = 'private_dir_key'
const ok = (fileId: string, filePath: string) => ({
  _tag: 'UploadResult',
  fileId,
  name: filePath.slice(filePath.lastIndexOf('/') + 1),
  filePath,
})
const sha = (s: string) => createHash('sha256').update(s).digest('hex')

/** The report's outcomes by relative path, index left out (it follows the file system's order). */
const byPath = (r: UploadDirectoryReport) =>
  Object.fromEntries(
    [...r.done, ...r.failed].map((o) => [
      o.ref.path,
      Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'index')),
    ]),
  )

const run = async (
  root: string,
  options: UploadDirectoryOptions,
  fetch: typeof globalThis.fetch,
): Promise<UploadDirectoryReport> => {
  const result = await uploadDirectory({ privateKey: KEY, fetch }, root, options)()
  if (result._tag === 'Left') throw new Error(`unexpected Left: ${JSON.stringify(result.left)}`)
  return result.right
}

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
    const link = path.join(base, `link${made}`)
    symlinkSync(target, link)
    const ik = account()
    const report = await run(link, { folder: '/l' }, ik.fetch)
    expect(report.failed).toStrictEqual([])
    expect(ik.sent.sort()).toStrictEqual(['/l/a.jpg', '/l/b.jpg'])
  })
})

describe('uploadDirectory: resume', () => {
  it('after an abort half-way, a second run with the same manifest uploads the rest: every file stored exactly once', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 24; i++) files[`d${i % 3}/f${i}.txt`] = `content ${i}`
    const root = tree(files)
    const manifest = path.join(base, `resume${made}.jsonl`)
    const ik = account()
    const controller = new AbortController()
    let settled = 0
    const first = await run(
      root,
      {
        folder: '/r',
        manifest,
        concurrency: 2,
        signal: controller.signal,
        uploadOptions: { useUniqueFileName: false },
        onItem: () => {
          if (++settled === 6) controller.abort()
        },
      },
      ik.fetch,
    )
    expect(first.aborted).toBe(true)
    expect(first.done.length).toBeGreaterThanOrEqual(6)
    expect(first.done.length + first.failed.length).toBe(first.total)
    expect(first.total).toBeLessThan(24)
    const uploadedFirst = first.done.map((o) => o.ref.path).sort()
    const sentFirst = ik.sent.length

    const items: UploadDirectoryOutcome[] = []
    const second = await run(
      root,
      { folder: '/r', manifest, uploadOptions: { useUniqueFileName: false }, onItem: (o) => items.push(o) },
      ik.fetch,
    )
    expect(second.aborted).toBe(false)
    expect(second.failed).toStrictEqual([])
    expect(second.total).toBe(24)
    expect(items).toHaveLength(24)
    expect(second.done.map((o) => o.ref.path).sort()).toStrictEqual(Object.keys(files).sort())
    // What the first run finished is skipped from the manifest, not sent again.
    expect(
      second.done
        .filter((o) => o.result._tag === 'AlreadyUploaded')
        .map((o) => o.ref.path)
        .sort(),
    ).toStrictEqual(uploadedFirst)
    const sentSecond = ik.sent.slice(sentFirst).sort()
    expect(sentSecond).toStrictEqual(
      Object.keys(files)
        .filter((p) => !uploadedFirst.includes(p))
        .map((p) => `/r/${p}`)
        .sort(),
    )
    // The account holds every file exactly once, with its content.
    expect(Object.fromEntries([...ik.stored].map(([p, f]) => [p, f.text]))).toStrictEqual(
      Object.fromEntries(Object.entries(files).map(([p, text]) => [`/r/${p}`, text])),
    )
    // The manifest lists every file once, with its size, hash and fileId.
    const lines = readFileSync(manifest, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.path).sort()).toStrictEqual(Object.keys(files).sort())
    for (const l of lines)
      expect(l).toStrictEqual({
        path: l.path,
        filePath: `/r/${l.path}`,
        size: files[l.path]!.length,
        sha256: sha(files[l.path]!),
        fileId: ik.stored.get(`/r/${l.path}`)!.fileId,
      })
  })

  it('ignores a torn last line, uploads a changed file again and appends on a fresh line', async () => {
    const root = tree({ 'same.jpg': 'same', 'changed.jpg': 'new content', 'torn.jpg': 'torn' })
    const manifest = path.join(base, `torn${made}.jsonl`)
    const entry = (p: string, content: string, fileId: string) =>
      JSON.stringify({ path: p, filePath: `/t/${p}`, size: content.length, sha256: sha(content), fileId })
    writeFileSync(
      manifest,
      `${entry('same.jpg', 'same', 'old1')}\n${entry('changed.jpg', 'old content', 'old2')}\n{"path":"torn.jpg","size":4,"sha`,
    )
    const ik = account()
    const report = await run(root, { folder: '/t', manifest }, ik.fetch)
    const outcomes = byPath(report)
    expect(outcomes['same.jpg']).toStrictEqual({
      _tag: 'Done',
      ref: { path: 'same.jpg', folder: '/t', fileName: 'same.jpg' },
      result: { _tag: 'AlreadyUploaded', fileId: 'old1' },
    })
    expect(ik.sent.sort()).toStrictEqual(['/t/changed.jpg', '/t/torn.jpg'])
    const lines = readFileSync(manifest, 'utf8').split('\n')
    expect(lines.slice(0, 3)).toStrictEqual([
      entry('same.jpg', 'same', 'old1'),
      entry('changed.jpg', 'old content', 'old2'),
      '{"path":"torn.jpg","size":4,"sha',
    ])
    expect(lines.slice(3).sort()).toStrictEqual(
      [
        '',
        entry('changed.jpg', 'new content', ik.stored.get('/t/changed.jpg')!.fileId),
        entry('torn.jpg', 'torn', ik.stored.get('/t/torn.jpg')!.fileId),
      ].sort(),
    )
  })

  it('with the same manifest, a run into another folder sends every file there, then a run into either skips all', async () => {
    const root = tree({ 'a.jpg': 'A', 'x/b.jpg': 'B', 'top.jpg': 'T' })
    const manifest = path.join(base, `second${made}.jsonl`)
    const ik = account()
    const first = await run(root, { folder: '/first', manifest }, ik.fetch)
    expect(first.failed).toStrictEqual([])
    const second = await run(root, { folder: '/second', manifest }, ik.fetch)
    expect(second.failed).toStrictEqual([])
    expect(second.done.map((o) => o.result._tag)).toStrictEqual([
      'UploadResult',
      'UploadResult',
      'UploadResult',
    ])
    expect([...ik.stored.keys()].sort()).toStrictEqual([
      '/first/a.jpg',
      '/first/top.jpg',
      '/first/x/b.jpg',
      '/second/a.jpg',
      '/second/top.jpg',
      '/second/x/b.jpg',
    ])
    // Both targets are in the manifest now: a third run into either sends nothing.
    for (const folder of ['/first', '/second/']) {
      const again = await run(root, { folder, manifest }, ik.fetch)
      expect(again.done.map((o) => o.result._tag)).toStrictEqual([
        'AlreadyUploaded',
        'AlreadyUploaded',
        'AlreadyUploaded',
      ])
    }
    expect(ik.sent).toHaveLength(6)
  })

  it('with folder /, records /a.jpg as the target and skips it on the next run', async () => {
    const root = tree({ 'a.jpg': 'A' })
    const manifest = path.join(base, `root${made}.jsonl`)
    const ik = account()
    await run(root, { folder: '/', manifest }, ik.fetch)
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toStrictEqual({
      path: 'a.jpg',
      filePath: '/a.jpg',
      size: 1,
      sha256: sha('A'),
      fileId: 'f1',
    })
    const again = await run(root, { folder: '/', manifest }, ik.fetch)
    expect(again.done.map((o) => o.result)).toStrictEqual([{ _tag: 'AlreadyUploaded', fileId: 'f1' }])
    expect(ik.sent).toStrictEqual(['/a.jpg'])
  })

  it('never skips a file for a line of the older format (no filePath): it is sent again', async () => {
    const root = tree({ 'a.jpg': 'A' })
    const manifest = path.join(base, `old${made}.jsonl`)
    writeFileSync(
      manifest,
      `${JSON.stringify({ path: 'a.jpg', size: 1, sha256: sha('A'), fileId: 'old1' })}\n`,
    )
    const ik = account()
    const report = await run(root, { folder: '/o', manifest }, ik.fetch)
    expect(report.done.map((o) => o.result)).toStrictEqual([ok('f1', '/o/a.jpg')])
    expect(ik.sent).toStrictEqual(['/o/a.jpg'])
  })

  it('never uploads the manifest itself when it lies inside the folder', async () => {
    const root = tree({ 'a.jpg': 'A' })
    const ik = account()
    const report = await run(root, { folder: '/m', manifest: path.join(root, 'upload.jsonl') }, ik.fetch)
    expect(report.done.map((o) => o.ref.path)).toStrictEqual(['a.jpg'])
    expect(ik.sent).toStrictEqual(['/m/a.jpg'])
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
    const manifest = path.join(base, `decode${made}.jsonl`)
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
