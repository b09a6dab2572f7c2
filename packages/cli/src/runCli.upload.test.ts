import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { run } from './test-support/run'

const NOW = 1_700_000_000_000
const standIn = createImagekitStandIn()
const server = await standIn.listen()
const env = { IMAGEKIT_PRIVATE_KEY: standIn.privateKey, IMAGEKIT_UPLOAD_BASE_URL: server.url }

// 30 files of 1001..1030 bytes in a/, three of 4 bytes in a/b/: 33 files, 30,477 bytes.
const dir = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-cli-'))
mkdirSync(path.join(dir, 'a', 'b'), { recursive: true })
for (let i = 1; i <= 30; i++)
  writeFileSync(path.join(dir, 'a', `f${i}.bin`), new Uint8Array(1000 + i).fill(i))
for (let i = 1; i <= 3; i++) writeFileSync(path.join(dir, 'a', 'b', `g${i}.txt`), `hi${i}\n`)
const all = [
  ...Array.from({ length: 30 }, (_, i) => `a/f${i + 1}.bin`),
  ...Array.from({ length: 3 }, (_, i) => `a/b/g${i + 1}.txt`),
].sort()
const work = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-cli-manifests-'))
afterAll(async () => {
  await server.close()
  // Default manifests a failed assertion left behind (only those of the fake clock's run).
  for (const f of readdirSync('.')) if (f.startsWith('imagekit-fp-upload-20231114T221320')) rmSync(f)
  rmSync(dir, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})
beforeEach(() => standIn.reset())

const stored = () =>
  standIn
    .files()
    .map((f) => f.filePath)
    .sort()
const expectedPaths = all.map((p) => `/up/${p}`).sort()
/** The file paths named by lines `<kind>\t<path>…`, sorted. */
const named = (out: string, kind: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith(`${kind}\t`))
    .map((l) => l.split('\t')[1])
    .sort()

describe('runCli upload', () => {
  it('uploads a folder mirrored under --folder, one plain line per file off a terminal', async () => {
    const manifest = path.join(work, 'plain.jsonl')
    const r = await run(['upload', dir, '--folder', '/up', '--resume', manifest], { env, now: () => NOW })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(named(r.stdout, 'uploaded')).toStrictEqual(all)
    expect(r.stdout.split('\n').at(-2)).toBe('uploaded 33 files (30.5 kB) in 0:00')
    expect(
      r.stdout
        .split('\n')
        .slice(0, -2)
        .every((l) => /^uploaded\t(\S+)\t\/up\/\1$/.test(l)),
    ).toBe(true)
    expect(stored()).toStrictEqual(expectedPaths)
    // The manifest named with --resume is kept: a second run skips every file.
    const again = await run(['upload', dir, '--folder', '/up', '--resume', manifest], { env, now: () => NOW })
    expect(again.code).toBe(0)
    expect(named(again.stdout, 'skipped')).toStrictEqual(all)
    expect(again.stdout.split('\n').at(-2)).toBe('uploaded 0 files (0 B) in 0:00, 33 already uploaded')
    expect(standIn.requests().filter((q) => q.operation === 'upload-file')).toHaveLength(33)
  })

  it('draws the bar on a terminal and prints only the summary on stdout', async () => {
    const r = await run(['upload', dir, '--folder', '/up', '--resume', path.join(work, 'tty.jsonl')], {
      env,
      now: () => NOW,
      tty: true,
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('uploaded 33 files (30.5 kB) in 0:00\n')
    expect(r.stderr.startsWith('\r\x1b[K')).toBe(true)
    expect(
      r.stderr.endsWith('\r\x1b[K[####################]  33/33 files  30.5 kB/30.5 kB  ETA 0:00\n'),
    ).toBe(true)
  })

  it('exits 1 listing the failed files and how to retry them; the retry uploads only those', async () => {
    standIn.inject({ operation: 'upload-file', status: 400, times: 2, body: { message: 'nope' } })
    const r = await run(['upload', dir, '--folder', '/up', '--concurrency', '1'], { env, now: () => NOW })
    expect(r.code).toBe(1)
    const failed = named(r.stderr, 'failed')
    expect(failed).toHaveLength(2)
    const retry = /^to retry the failed files: imagekit-fp upload (\S+) --folder \/up --resume (\S+)$/m.exec(
      r.stderr,
    )
    expect(retry?.[1]).toBe(dir)
    const manifest = retry![2]!
    expect(existsSync(manifest)).toBe(true)
    // By default in the current folder, named after the start time, with a random part (never shared by two runs).
    expect(manifest).toMatch(
      new RegExp(`^${process.cwd()}/imagekit-fp-upload-20231114T221320-[0-9a-f]{8}\\.jsonl$`),
    )
    expect(r.stdout.split('\n').at(-2)).toMatch(/^uploaded 31 files \(\d+\.\d kB\) in 0:00, 2 failed:$/)
    const again = await run(['upload', dir, '--folder', '/up', '--resume', manifest], { env, now: () => NOW })
    rmSync(manifest)
    expect(again.code).toBe(0)
    expect(named(again.stdout, 'uploaded')).toStrictEqual(failed)
    expect(stored()).toStrictEqual(expectedPaths)
  })

  it('stops on abort, prints how to resume, and the resumed run uploads every file exactly once', async () => {
    standIn.inject({ operation: 'upload-file', delayMs: 20, times: Infinity })
    const controller = new AbortController()
    const manifest = path.join(work, 'abort.jsonl')
    const r = await run(['upload', dir, '--folder', '/up', '--concurrency', '2', '--resume', manifest], {
      env,
      signal: controller.signal,
      onStdout: (out) => {
        if (out.split('\n').length > 5) controller.abort()
      },
    })
    expect(r.code).toBe(130)
    expect(r.stderr.split('\n').slice(-3)).toStrictEqual([
      'interrupted: the files not listed in the manifest were not uploaded.',
      `to resume: imagekit-fp upload ${dir} --folder /up --resume ${manifest}`,
      '',
    ])
    const first = named(r.stdout, 'uploaded')
    expect(first.length).toBeLessThan(33)
    expect(readFileSync(manifest, 'utf8').trim().split('\n')).toHaveLength(first.length)
    const again = await run(['upload', dir, '--folder', '/up', '--resume', manifest], { env })
    expect(again.code).toBe(0)
    expect([...first, ...named(again.stdout, 'uploaded')].sort()).toStrictEqual(all)
    expect(named(again.stdout, 'skipped')).toStrictEqual(first)
    expect(stored()).toStrictEqual(expectedPaths)
  })

  it('on a terminal, counts the uploads in flight at Ctrl-C as cancelled, not failed, in the summary and the last frame', async () => {
    standIn.inject({ operation: 'upload-file', delayMs: 1, times: 4 })
    standIn.inject({ operation: 'upload-file', delayMs: 600_000, times: Infinity })
    const controller = new AbortController()
    const manifest = path.join(work, 'cancel.jsonl')
    const watching = setInterval(() => {
      if (standIn.files().length >= 4) setTimeout(() => controller.abort(), 200)
    }, 20)
    const r = await run(['upload', dir, '--folder', '/up', '--concurrency', '2', '--resume', manifest], {
      env,
      now: () => NOW,
      tty: true,
      signal: controller.signal,
    })
    clearInterval(watching)
    expect(r.code).toBe(130)
    expect(r.stdout).toMatch(/^uploaded 4 files \([\d.]+ k?B\) in 0:00, 2 cancelled\n$/)
    const frames = r.stderr.split('\n')
    // eslint-disable-next-line no-control-regex, no-regex-spaces -- the bar's exact redraw sequence and spacing
    expect(frames.at(-4)).toMatch(/\r\x1b\[K\[##-{18}\]  4\/33 files  [\d.]+ k?B\/30\.5 kB  ETA 0:00$/)
    expect(frames.slice(-3)).toStrictEqual([
      'interrupted: the files not listed in the manifest were not uploaded.',
      `to resume: imagekit-fp upload ${dir} --folder /up --resume ${manifest}`,
      '',
    ])
  })

  it.each([
    [
      ['upload', 'x'],
      "error: required option '--folder <folder>' not specified\n(run with --help for usage)\n",
    ],
    [['upload', '--folder', '/up'], "error: missing required argument 'path'\n(run with --help for usage)\n"],
    [['upload', '/no/such/dir', '--folder', '/up'], 'error: /no/such/dir: cannot be read (ENOENT)\n'],
    [
      ['upload', dir, '--folder', '/up', '--concurrency', '0'],
      "error: option '--concurrency <n>' argument '0' is invalid. must be a whole number from 1 to 64.\n(run with --help for usage)\n",
    ],
  ])('exits 2 on %j and sends nothing', async (argv, stderr) => {
    expect(await run(argv, { env })).toStrictEqual({ code: 2, stdout: '', stderr })
    expect(standIn.requests()).toStrictEqual([])
  })

  it('uploads files given one by one (uploadMany) and folders (uploadDirectory) in one run', async () => {
    const one = path.join(dir, 'a', 'f1.bin')
    const two = path.join(dir, 'a', 'b', 'g2.txt')
    const sub = path.join(dir, 'a', 'b')
    const r = await run(
      ['upload', one, sub, two, '--folder', '/mix', '--resume', path.join(work, 'mix.jsonl')],
      {
        env,
        now: () => NOW,
      },
    )
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    // The loose files first, in the order given (concurrency 4: either may settle first), then the folder.
    expect(lines.slice(0, 2).sort()).toStrictEqual(
      [`uploaded\t${one}\t/mix/f1.bin`, `uploaded\t${two}\t/mix/g2.txt`].sort(),
    )
    expect(lines.slice(2, 5).sort()).toStrictEqual(
      ['g1.txt', 'g2.txt', 'g3.txt'].map((f) => `uploaded\t${f}\t/mix/${f}`),
    )
    expect(lines[5]).toBe('uploaded 5 files (1.0 kB) in 0:00')
    expect(stored()).toStrictEqual(['/mix/f1.bin', '/mix/g1.txt', '/mix/g2.txt', '/mix/g3.txt'])
  })

  it('fails a file given one by one that cannot be read on its own, naming it and the cause; the later files go on', async () => {
    const loose = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-cli-loose-'))
    const [a, b, c, d] = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].map((f) => {
      writeFileSync(path.join(loose, f), f[0]!.toUpperCase())
      return path.join(loose, f)
    }) as [string, string, string, string]
    const manifest = path.join(work, 'loose.jsonl')
    // One at a time: b.jpg is read only after a.jpg settled, and it is gone by then.
    const r = await run(
      ['upload', a, b, c, d, '--folder', '/loose', '--concurrency', '1', '--resume', manifest],
      {
        env,
        now: () => NOW,
        onStdout: (out) => {
          if (out.startsWith(`uploaded\t${a}\t`) && existsSync(b)) rmSync(b)
        },
      },
    )
    rmSync(loose, { recursive: true, force: true })
    const failure = `failed\t${b}\tValidationError at ${b}: cannot be opened (ENOENT)`
    expect(r).toStrictEqual({
      code: 1,
      stdout: [
        `uploaded\t${a}\t/loose/a.jpg`,
        failure,
        `uploaded\t${c}\t/loose/c.jpg`,
        `uploaded\t${d}\t/loose/d.jpg`,
        'uploaded 3 files (3 B) in 0:00, 1 failed:',
        '',
      ].join('\n'),
      stderr: [
        failure,
        `to retry the failed files: imagekit-fp upload ${[a, b, c, d].join(' ')} --folder /loose --resume ${manifest}`,
        '',
      ].join('\n'),
    })
    expect(stored()).toStrictEqual(['/loose/a.jpg', '/loose/c.jpg', '/loose/d.jpg'])
  })

  it('answers upload --help, saying that files are accepted as well as folders', async () => {
    const r = await run(['upload', '--help'])
    expect(r.stdout.split('\n').slice(0, 8)).toStrictEqual([
      'Usage: imagekit-fp upload [options] <path...>',
      '',
      'upload folders (mirrored under --folder) and files, with a progress bar;',
      'resumable',
      '',
      'Arguments:',
      "  path                 folders and files on disk (a folder's a/b/c.jpg goes to",
      '                       <folder>/a/b/c.jpg, a file into <folder>)',
    ])
  })
})
