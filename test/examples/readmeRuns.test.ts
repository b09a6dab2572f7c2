// The examples' READMEs, run as they are written: `npm run example:browser-upload` (after its setup step, the
// script is `node examples/browser-upload/server.mjs`: run here as a child, offline and with IMAGEKIT_* set), and
// every command of the node-server README's "Try it" blocks, taken from the README, run by bash against the
// running server (on the port it got instead of 3000), with the output the README states under each one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commandsIn, root } from '../support/readmeCommands'

const built = ['utils', 'url', 'upload', 'media', 'testing'].every((p) =>
  existsSync(path.join(root, 'packages', p, 'dist', 'index.js')),
)

interface Started {
  readonly child: ChildProcess
  readonly url: string
  readonly stdout: () => string
}

/** Starts `node <script>` with exactly these IMAGEKIT_* variables; resolves once it printed its URL. */
const start = (script: string, vars: Record<string, string>, firstLine: RegExp): Promise<Started> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IMAGEKIT_')) env[k] = v
    const child = spawn(process.execPath, [path.join(root, script)], {
      cwd: root,
      env: { ...env, PORT: '0', ...vars },
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      const url = firstLine.exec(stdout)?.[1]
      if (url !== undefined) resolve({ child, url, stdout: () => stdout })
    })
    child.on('close', (code) => reject(new Error(`${script} exited (${code}): ${stderr}`)))
  })

const getJson = async (url: string): Promise<unknown> => {
  const res = await fetch(url)
  return { status: res.status, body: (await res.json()) as unknown }
}

/** The README's stated output as a pattern: `…` stands for any run of characters. */
const pattern = (stated: string): RegExp =>
  new RegExp(
    `^${stated
      .split('…')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )

const bash = (script: string) =>
  spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', timeout: 30_000 })

/** Both lines of the banner (the second says where uploads go). */
const browserBanner = /^Browser upload example: (http:\/\/127\.0\.0\.1:\d+)\/\nUploads go .*\n/m

describe.skipIf(!built)('examples/browser-upload README (needs the built packages)', () => {
  let running: Started | undefined
  afterEach(() => {
    running?.child.kill('SIGKILL')
    running = undefined
  })

  it('npm run example:browser-upload: starts offline, serves the page, its config and one-time auth', async () => {
    running = await start('examples/browser-upload/server.mjs', {}, browserBanner)
    const page = await fetch(`${running.url}/`)
    expect([page.status, page.headers.get('content-type')]).toStrictEqual([200, 'text/html; charset=utf-8'])
    const config = (await getJson(`${running.url}/config`)) as { body: Record<string, unknown> }
    expect(config.body['target']).toBe('stand-in')
    const auth = (await getJson(`${running.url}/auth`)) as { status: number; body: Record<string, unknown> }
    expect(auth.status).toBe(200)
    expect(Object.keys(auth.body).sort()).toStrictEqual(['expire', 'signature', 'token'])
    expect(running.stdout().split('\n')[1]).toMatch(
      /^Uploads go to the offline stand-in at http:\/\/127\.0\.0\.1:\d+ \(set IMAGEKIT_\* to use your account\)\.$/,
    )
  })

  it('with IMAGEKIT_* set, npm run example:browser-upload signs for that account', async () => {
    const privateKey = 'private_readme_account_key'
    running = await start(
      'examples/browser-upload/server.mjs',
      {
        IMAGEKIT_PRIVATE_KEY: privateKey,
        IMAGEKIT_PUBLIC_KEY: 'public_readme_account_key',
        IMAGEKIT_URL_ENDPOINT: 'https://ik.imagekit.io/your_id',
      },
      browserBanner,
    )
    expect(running.stdout().split('\n')[1]).toBe(
      'Uploads go to your ImageKit account (https://ik.imagekit.io/your_id).',
    )
    const config = (await getJson(`${running.url}/config`)) as { body: unknown }
    expect(config.body).toStrictEqual({
      publicKey: 'public_readme_account_key',
      urlEndpoint: 'https://ik.imagekit.io/your_id',
      target: 'account',
    })
    const auth = (await getJson(`${running.url}/auth`)) as {
      body: { token: string; expire: number; signature: string }
    }
    expect(auth.body.signature).toBe(
      createHmac('sha1', privateKey).update(`${auth.body.token}${auth.body.expire}`).digest('hex'),
    )
  })
})

const nodeServerReadme = 'examples/node-server/README.md'
const documented = commandsIn(nodeServerReadme, readFileSync(path.join(root, nodeServerReadme), 'utf8'))
const curlAloneBlock = documented.find((d) => d.command.startsWith('secret='))?.block
const curlAlone = documented.filter((c) => c.block === curlAloneBlock)
const tryIt = documented.filter(
  (c) =>
    c.block !== curlAloneBlock &&
    /^(curl -s |node examples\/node-server\/sendWebhook\.mjs )'?http:\/\/127\.0\.0\.1:3000\//.test(c.command),
)

/** Whether a program the README's lines use is on PATH (curl, openssl, bash). */
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0
const tools = ['bash', 'curl', 'openssl'].every(has)

describe.skipIf(!built || !tools)(
  'examples/node-server README, "Try it" (needs the built packages, bash, curl and openssl)',
  () => {
    let running: Started | undefined
    beforeAll(async () => {
      running = await start(
        'examples/node-server/server.mjs',
        {},
        /^ImageKit node-server example: (http:\/\/127\.0\.0\.1:\d+)\/$/m,
      )
    })
    afterAll(() => {
      running?.child.kill('SIGKILL')
    })

    it('the README shows six "Try it" commands, each with its output, and the curl-alone block', () => {
      expect(tryIt.map((c) => c.output.length)).toStrictEqual([1, 1, 1, 1, 1, 1])
      expect(curlAlone.map((c) => c.command.split(/[= ]/)[0])).toStrictEqual([
        'secret',
        'body',
        't',
        'sig',
        'curl',
      ])
    })

    it.each(tryIt)('node-server README, line $line: $command', ({ command, output }) => {
      const run = bash(command.replaceAll('http://127.0.0.1:3000', running!.url))
      expect(run.stderr).toBe('')
      expect(run.stdout.trimEnd()).toMatch(pattern(output.join('\n')))
    })

    it('node-server README: the curl-alone block, run whole by bash, gets a purge', () => {
      const run = bash(
        curlAlone.map((c) => c.command.replaceAll('http://127.0.0.1:3000', running!.url)).join('\n'),
      )
      expect(run.stderr).toBe('')
      expect(run.stdout).toBe(
        '{"received":"file.updated","id":"evt_1","purged":"https://ik.imagekit.io/standin/photo.jpg","purgeRequestId":"000000000000000000000002"}',
      )
    })
  },
)
