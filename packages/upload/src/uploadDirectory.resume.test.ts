import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type UploadDirectoryOutcome } from '@imagekit-fp/upload/node'
import { account, byPath, ok, run, sha, tempPath, tree } from './test-support/directory'

describe('uploadDirectory: resume', () => {
  it('after an abort half-way, a second run with the same manifest uploads the rest: every file stored exactly once', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 24; i++) files[`d${i % 3}/f${i}.txt`] = `content ${i}`
    const root = tree(files)
    const manifest = `${tempPath('resume')}.jsonl`
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
    const manifest = `${tempPath('torn')}.jsonl`
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
    const manifest = `${tempPath('second')}.jsonl`
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
    const manifest = `${tempPath('root')}.jsonl`
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
    const manifest = `${tempPath('old')}.jsonl`
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
