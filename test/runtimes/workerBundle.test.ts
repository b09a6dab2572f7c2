// The root README's "Bundling for Workers", run as it is written: its Worker (worker.ts) bundled from the BUILT
// packages by its esbuild command (platform neutral, the Workers conditions, ESM, main fields module,main), run by
// bash with npx in a user folder; the bundle has no `node:` import, and its fetch handler, imported in Node,
// uploads to the loopback stand-in and reads the file's details back. The same command without the main fields
// fails on fp-ts, as the README says.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImagekitStandIn, listen } from '@imagekit-fp/testing/node'
import { nodeImports, removeUserDir, requireBuild, root, userDir } from './support/harness'
import { commandsIn } from '../support/readmeCommands'

const README = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
const start = README.indexOf('## Bundling for Workers')
const section = README.slice(start, README.indexOf('\n## ', start + 3))
/** The README's Worker, from its `// worker.ts` line to the end of the block. */
const WORKER = /```ts\n(\/\/ worker\.ts\n[\s\S]*?)```/.exec(section)?.[1] ?? ''
/** The README's esbuild command. */
const COMMAND =
  commandsIn('README.md', section).find((c) => c.command.startsWith('npx esbuild'))?.command ?? ''

/** Runs `command` with bash in the user folder, offline (esbuild is linked there, so npx finds it locally). */
const run = (dir: string, command: string) =>
  spawnSync('bash', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    timeout: 240_000, // an outer bound for a stuck bundler, never reached by a slow one
  })

interface WorkerModule {
  readonly default: { fetch: (request: Request, env: Record<string, string>) => Promise<Response> }
}

let dir = ''
const standIn = createImagekitStandIn()
let server: { readonly url: string; readonly close: () => Promise<void> } | undefined

beforeAll(async () => {
  requireBuild()
  dir = userDir()
  const link = (to: string, target: string) => {
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.symlinkSync(target, to)
  }
  link(path.join(dir, 'node_modules', 'esbuild'), fs.realpathSync(path.join(root, 'node_modules', 'esbuild')))
  link(path.join(dir, 'node_modules', '.bin', 'esbuild'), path.join('..', 'esbuild', 'bin', 'esbuild'))
  fs.writeFileSync(path.join(dir, 'worker.ts'), WORKER)
  server = await listen(standIn)
})

afterAll(async () => {
  await server?.close()
  removeUserDir()
})

describe('bundling for Workers as the README says', () => {
  it('the README shows a Worker and the esbuild command that bundles it', () => {
    expect(WORKER).toContain('export default {')
    expect(COMMAND).toBe(
      'npx esbuild worker.ts --bundle --format=esm --platform=neutral --main-fields=module,main --conditions=workerd,worker,browser --outfile=dist/worker.js',
    )
  })

  it("bundles the README's Worker with its esbuild command, with no node: import, and its fetch handler uploads and reads the file back", async () => {
    const built = run(dir, COMMAND)
    expect(built.status, built.stderr).toBe(0)
    const file = path.join(dir, 'dist', 'worker.js')
    const code = fs.readFileSync(file, 'utf8')
    expect(nodeImports(code)).toStrictEqual([])
    const worker = (await import(pathToFileURL(file).href)) as WorkerModule
    const env = {
      IMAGEKIT_PRIVATE_KEY: standIn.privateKey,
      IMAGEKIT_API_BASE_URL: server!.url,
      IMAGEKIT_UPLOAD_BASE_URL: server!.url,
    }
    const response = await worker.default.fetch(
      new Request('https://worker.example/hello.txt', { method: 'POST', body: 'hello from a Worker' }),
      env,
    )
    const [stored] = standIn.files()
    expect(stored!.name).toMatch(/^hello_\w+\.txt$/) // a unique name, ImageKit's default
    expect([response.status, await response.json()]).toStrictEqual([
      200,
      { fileId: stored!.fileId, name: stored!.name, size: 19 },
    ])
    const wrongKey = await worker.default.fetch(
      new Request('https://worker.example/a.txt', { method: 'POST', body: 'x' }),
      { ...env, IMAGEKIT_PRIVATE_KEY: 'private_wrong' },
    )
    expect(wrongKey.status).toBe(502)
    expect(await wrongKey.json()).toStrictEqual({
      error: expect.stringMatching(/^HttpError 401: /) as unknown,
    })
  })

  it('fails on fp-ts without --main-fields (platform neutral reads no main fields)', () => {
    const bare = COMMAND.replace(' --main-fields=module,main', '').replace('dist/worker.js', 'dist/bare.js')
    expect(bare).not.toBe(COMMAND)
    const built = run(dir, bare)
    expect(built.status).toBe(1)
    expect(built.stderr).toContain('Could not resolve "fp-ts"')
  })
})
