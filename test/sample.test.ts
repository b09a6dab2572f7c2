// The sample is the project's main demonstration (`npm run sample`): these tests run it as a user would, on the
// BUILT packages, offline and in its live mode. No ImageKit account is available here, so the live mode runs
// against the loopback stand-in: the same keys and endpoint variables a user sets, plus
// IMAGEKIT_UPLOAD_BASE_URL pointing at the stand-in.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain-JS sample module without type declarations
import { startFakeImagekit } from '../sample/fakeImagekitServer.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = ['utils', 'url', 'upload'].every((p) =>
  existsSync(path.join(root, 'packages', p, 'dist', 'index.js')),
)

interface Fake {
  url: string
  privateKey: string
  publicKey: string
  uploads: { fields: Record<string, string> }[]
  close: () => Promise<void>
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node sample/run.mjs` with exactly these IMAGEKIT_* variables (none inherited). */
const runSample = (vars: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IMAGEKIT_')) env[k] = v
    const child = spawn(process.execPath, [path.join(root, 'sample', 'run.mjs')], {
      cwd: root,
      env: { ...env, ...vars },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

/** The step lines (`✔ title` / `✘ title`) the sample printed. */
const steps = (out: string): string[] => out.split('\n').filter((l) => /^[✔✘] /.test(l))

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe.skipIf(!built)('sample/run.mjs (needs the built packages: npm run build)', () => {
  it('runs offline with every step as expected', async () => {
    const run = await runSample({})
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('imagekit-fp sample: offline')
    expect(steps(run.stdout).filter((l) => l.startsWith('✘'))).toStrictEqual([])
    expect(steps(run.stdout).length).toBeGreaterThanOrEqual(20)
    expect(run.stdout.trimEnd().endsWith('All sample steps behaved as expected.')).toBe(true)
    expect(run.code).toBe(0)
  })

  it('runs its live mode (keys and endpoint from the environment) against the stand-in, keys never printed', async () => {
    fake = (await startFakeImagekit({
      privateKey: 'private_live_mode_key_1234',
      publicKey: 'public_live_mode_key',
      urlEndpoint: 'https://ik.imagekit.io/live_mode',
    })) as Fake
    const run = await runSample({
      IMAGEKIT_PRIVATE_KEY: fake.privateKey,
      IMAGEKIT_PUBLIC_KEY: fake.publicKey,
      IMAGEKIT_URL_ENDPOINT: 'https://ik.imagekit.io/live_mode',
      IMAGEKIT_UPLOAD_BASE_URL: fake.url,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('imagekit-fp sample: LIVE against https://ik.imagekit.io/live_mode')
    expect(steps(run.stdout).filter((l) => l.startsWith('✘'))).toStrictEqual([])
    expect(run.stdout.trimEnd().endsWith('All sample steps behaved as expected.')).toBe(true)
    expect(run.code).toBe(0)
    // Server-side bytes, streamed from disk, client-side: three uploads landed, all in the sample's folder.
    expect(fake.uploads.map((u) => [u.fields['fileName'], u.fields['folder']])).toStrictEqual([
      ['pixel.png', '/imagekit-fp-sample'],
      ['streamed.png', '/imagekit-fp-sample'],
      ['client-side.png', '/imagekit-fp-sample'],
    ])
    expect(run.stdout).not.toContain(fake.privateKey)
  })
})
