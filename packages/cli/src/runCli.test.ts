import { createHmac } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { run } from './test-support/run'

const NOW = 1_700_000_000_000
const ENDPOINT = 'https://ik.imagekit.io/demo'
const hmac = (key: string, s: string) => createHmac('sha1', key).update(s).digest('hex')

describe('runCli: help and usage', () => {
  it.each([[['--help']], [['help']]])('prints the program help for %j', async (argv) => {
    const r = await run(argv)
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('Usage: imagekit-fp [options] [command]')
    expect(r.stdout).toContain(
      'Exit codes: 0 all done, 1 some items failed (listed), 2 bad usage, 130 interrupted',
    )
    expect(r.stderr).toBe('')
  })

  it.each([
    ['url', 'Usage: imagekit-fp url [options] <path>'],
    ['auth', 'Usage: imagekit-fp auth [options]'],
    ['ls', 'Usage: imagekit-fp ls [options] <folder>'],
  ])('answers %s --help on stdout with exit code 0', async (cmd, first) => {
    const r = await run([cmd, '--help'])
    expect({ code: r.code, first: r.stdout.split('\n')[0], stderr: r.stderr }).toStrictEqual({
      code: 0,
      first,
      stderr: '',
    })
  })

  it.each([
    [[], "error: unknown command 'nope'", ['nope']],
    [[], "error: missing required argument 'path'", ['url']],
    [[], "error: unknown option '--bogus'", ['ls', '/a', '--bogus']],
    [
      [],
      "error: option '--expire <seconds>' argument 'abc' is invalid. must be a whole number from 1 to 3600.",
      ['auth', '--expire', 'abc'],
    ],
    [
      [],
      "error: option '--expire <seconds>' argument '7200' is invalid. must be a whole number from 1 to 3600.",
      ['auth', '--expire', '7200'],
    ],
  ])('exits 2 on bad usage %#: %s', async (_, message, argv) => {
    const r = await run(argv)
    expect(r).toStrictEqual({ code: 2, stdout: '', stderr: `${message}\n(run with --help for usage)\n` })
  })

  it('exits 2 and shows the help on stderr when no command is given', async () => {
    const r = await run([])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toBe('Usage: imagekit-fp [options] [command]')
  })
})

describe('runCli: keys come from the environment only', () => {
  it.each([
    ['--private-key=private_marker_value'],
    ['--private-key', 'private_marker_value'],
    ['--privateKey=private_marker_value'],
    ['--public-key=public_marker'],
  ])('refuses a key flag (%s) without echoing its value', async (...flag) => {
    const r = await run(['ls', '/demo', ...flag])
    expect(r).toStrictEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: keys are read from IMAGEKIT_PRIVATE_KEY and IMAGEKIT_PUBLIC_KEY only, never from a flag\n',
    })
  })

  it.each([
    [
      ['ls', '/demo'],
      'IMAGEKIT_PRIVATE_KEY is not set (the media API needs it; keys are read from the environment only)',
    ],
    [
      ['auth'],
      'IMAGEKIT_PRIVATE_KEY is not set (the signature is made with it; keys are read from the environment only)',
    ],
    [
      ['url', '/a.jpg'],
      'IMAGEKIT_URL_ENDPOINT is not set (it is the start of every URL; keys are read from the environment only)',
    ],
  ])('exits 2 naming the missing variable for %j', async (argv, message) => {
    expect(await run(argv)).toStrictEqual({ code: 2, stdout: '', stderr: `error: ${message}\n` })
  })

  it('never prints the private key, whatever the command and its outcome', async () => {
    const key = 'private_marker_7f3a9c'
    const present = new Set(readdirSync('.'))
    const upDir = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-cli-secret-'))
    writeFileSync(path.join(upDir, 'a.txt'), 'a')
    const standIn = createImagekitStandIn({ privateKey: key })
    const server = await standIn.listen()
    try {
      const env = {
        IMAGEKIT_PRIVATE_KEY: key,
        IMAGEKIT_PUBLIC_KEY: 'public_k',
        IMAGEKIT_URL_ENDPOINT: ENDPOINT,
        IMAGEKIT_API_BASE_URL: server.url,
        IMAGEKIT_UPLOAD_BASE_URL: server.url,
      }
      const wrongKey = { ...env, IMAGEKIT_PRIVATE_KEY: `${key}_wrong` }
      const runs = await Promise.all([
        run(['ls', '/'], { env }),
        run(['ls', '/', '--json'], { env }),
        run(['ls', '/'], { env: wrongKey }),
        run(['auth'], { env }),
        run(['url', '/a.jpg', '--sign', '--expire', '60'], { env }),
        run(['url', 'https://elsewhere.example/a.jpg', '--sign'], { env }),
        run(['--help'], { env }),
        run(['nope'], { env }),
        run(['upload', upDir, '--folder', '/s', '--resume', path.join(upDir, '..', 'm.jsonl')], { env }),
        run(['upload', upDir, '--folder', '/s'], { env: wrongKey }),
        run(['tag', 'x', '/', '--yes'], { env }),
        run(['rm', '/', '--yes'], { env: wrongKey }),
      ])
      expect(runs.map((r) => r.code)).toStrictEqual([0, 0, 1, 0, 0, 2, 0, 2, 0, 1, 0, 1])
      for (const r of runs) expect(r.stdout + r.stderr).not.toContain(key)
    } finally {
      await server.close()
      rmSync(path.join(upDir, '..', 'm.jsonl'), { force: true })
      rmSync(upDir, { recursive: true, force: true })
      // The default manifest the failed upload kept (in the current folder); only files this test made.
      for (const f of readdirSync('.'))
        if (!present.has(f) && /^imagekit-fp-upload-.*\.jsonl$/.test(f)) rmSync(f)
    }
  })
})

describe('runCli url', () => {
  const env = { IMAGEKIT_URL_ENDPOINT: ENDPOINT, IMAGEKIT_PRIVATE_KEY: 'private_test' }

  it.each([
    [['/a b.jpg'], `${ENDPOINT}/a%20b.jpg`],
    [['/a.jpg', '--tr', 'w-300,h-200'], `${ENDPOINT}/tr:w-300,h-200/a.jpg`],
    [['/a.jpg', '--tr', 'w-300', '--tr', 'rt-90'], `${ENDPOINT}/tr:w-300:rt-90/a.jpg`],
    [['/a.jpg', '--tr', 'w-300', '--query'], `${ENDPOINT}/a.jpg?tr=w-300`],
    [[`${ENDPOINT}/a.jpg`, '--tr', 'w-300'], `${ENDPOINT}/a.jpg?tr=w-300`],
    [['/a.jpg', '--sign'], `${ENDPOINT}/a.jpg?ik-s=${hmac('private_test', 'a.jpg9999999999')}`],
    [
      ['/a.jpg', '--tr', 'w-300', '--expire', '60'],
      `${ENDPOINT}/tr:w-300/a.jpg?ik-t=1700000060&ik-s=${hmac('private_test', 'tr:w-300/a.jpg1700000060')}`,
    ],
  ])('url %j prints the exact URL', async (argv, url) => {
    expect(await run(['url', ...argv], { env, now: () => NOW })).toStrictEqual({
      code: 0,
      stdout: `${url}\n`,
      stderr: '',
    })
  })

  it('exits 2 with the ValidationError when a signed URL is outside the endpoint', async () => {
    const r = await run(['url', 'https://elsewhere.example/a.jpg', '--sign'], { env })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: ValidationError at options\.src: /)
  })

  it('exits 2 when signing without IMAGEKIT_PRIVATE_KEY', async () => {
    const r = await run(['url', '/a.jpg', '--sign'], { env: { IMAGEKIT_URL_ENDPOINT: ENDPOINT } })
    expect(r).toStrictEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: IMAGEKIT_PRIVATE_KEY is not set (signing needs it; keys are read from the environment only)\n',
    })
  })
})

describe('runCli auth', () => {
  it('prints token, expire, signature and the public key as JSON', async () => {
    const env = { IMAGEKIT_PRIVATE_KEY: 'private_test', IMAGEKIT_PUBLIC_KEY: 'public_test' }
    const r = await run(['auth', '--token', 'tok-1', '--expire', '600'], { env, now: () => NOW })
    const expected = {
      token: 'tok-1',
      expire: 1_700_000_600,
      signature: hmac('private_test', 'tok-11700000600'),
      publicKey: 'public_test',
    }
    expect(r).toStrictEqual({ code: 0, stdout: `${JSON.stringify(expected, null, 2)}\n`, stderr: '' })
  })

  it('leaves the public key out when it is not set and defaults to 1800 s', async () => {
    const r = await run(['auth', '--token', 't'], { env: { IMAGEKIT_PRIVATE_KEY: 'k' }, now: () => NOW })
    expect(JSON.parse(r.stdout)).toStrictEqual({
      token: 't',
      expire: 1_700_001_800,
      signature: hmac('k', 't1700001800'),
    })
  })
})

describe('runCli ls', () => {
  const standIn = createImagekitStandIn()
  let env: Record<string, string> = {}
  let close: () => Promise<void> = () => Promise.resolve()
  beforeAll(async () => {
    standIn.addFile({ fileName: 'a.jpg', folder: '/shop', bytes: new Uint8Array(1500), tags: ['x', 'y'] })
    standIn.addFile({ fileName: 'b.txt', folder: '/shop', bytes: new Uint8Array(12) })
    standIn.addFile({ fileName: 'c.txt', folder: '/other' })
    const server = await standIn.listen()
    close = server.close
    env = { IMAGEKIT_PRIVATE_KEY: standIn.privateKey, IMAGEKIT_API_BASE_URL: server.url }
  })
  afterAll(() => close())

  it('prints one line per file: path, size, tags', async () => {
    expect(await run(['ls', '/shop'], { env })).toStrictEqual({
      code: 0,
      stdout: '/shop/a.jpg\t1.5 kB\tx,y\n/shop/b.txt\t12 B\t\n',
      stderr: '',
    })
  })

  it('prints one JSON object per line with --json', async () => {
    const r = await run(['ls', '/shop', '--json'], { env })
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { filePath: string; tags: unknown })
    expect(items.map((i) => [i.filePath, i.tags])).toStrictEqual([
      ['/shop/a.jpg', ['x', 'y']],
      ['/shop/b.txt', null],
    ])
  })

  it('passes --search to the API', async () => {
    const r = await run(['ls', '/', '--search', 'name = "c.txt"'], { env })
    expect(r).toStrictEqual({ code: 0, stdout: '/other/c.txt\t0 B\t\n', stderr: '' })
  })

  it('exits 1 with the HttpError when the API refuses', async () => {
    const r = await run(['ls', '/shop'], { env: { ...env, IMAGEKIT_PRIVATE_KEY: 'private_wrong' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: HttpError 401: /)
  })

  it('exits 130 when interrupted (Ctrl-C) during the listing', async () => {
    const controller = new AbortController()
    controller.abort(new Error('Ctrl-C'))
    const r = await run(['ls', '/shop'], { env, signal: controller.signal })
    expect(r).toStrictEqual({
      code: 130,
      stdout: '',
      stderr: 'error: NetworkError (Aborted): listAllFiles was aborted\n',
    })
  })

  it('lists the seeded files of --stand-in', async () => {
    expect(await run(['--stand-in', 'ls', '/demo'])).toStrictEqual({
      code: 0,
      stdout: '/demo/cat.jpg\t14 B\tanimal,cat\n/demo/dog.jpg\t14 B\tanimal,dog\n/demo/notes.txt\t14 B\t\n',
      stderr: '',
    })
  })
})
