// Node-side harness for the cross-runtime suite: checks the build, prepares a throw-away user folder whose
// node_modules links the BUILT packages (as scripts/lib/user-dir.mjs does), bundles the portable scenario per
// runtime with esbuild, signs the inputs with node:crypto, and runs child runtimes with hard timeouts.
import { spawn, spawnSync } from 'node:child_process'
import { createHmac, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transformSync, type Platform } from 'esbuild'
// @ts-expect-error: plain-JS script helpers without type declarations
import * as userDirLib from '../../../scripts/lib/user-dir.mjs'
import { createImagekitStandIn, listen } from '@imagekit-fp/testing/node'
import { type BodyCounts, type CountingServer, startCountingServer } from '../../support/countingServer'
import type { ClientAuth, ScenarioInput, ScenarioResult, SignedWebhook } from './scenario'

const { missingBuilds, ourPackages } = userDirLib as {
  missingBuilds: () => string[]
  ourPackages: readonly string[]
}

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
export const DENO = bin('deno')
export const BUN = bin('bun')

/** Every case the scenario reports, in order (the suite checks that the scenario reports exactly these). */
export const CASE_NAMES = [
  'buildUrl classic README examples',
  'signUrl with a fixed clock',
  'buildTransformationString',
  'getResponsiveImageAttributes',
  'ValidationError values',
  'getAuthenticationParameters',
  'hmac helpers',
  'phashDistance',
  'verifyWebhook',
  'upload server-side Uint8Array',
  'upload server-side Blob',
  'upload server-side ReadableStream',
  'upload server-side base64 string',
  'upload client-side Uint8Array',
  'upload client-side Blob',
  'upload 401 HttpError (wrong private key)',
  'upload aborted before sending',
  'upload aborted while sending',
  'upload aborted while its large Blob body is under way',
  'upload timed out in a large Blob body, retried once',
  'utils/http request without auth',
  'utils/http request with the private key',
] as const
export type CaseName = (typeof CASE_NAMES)[number]

/** The cases whose request bodies the counting server counts, with the key suffix each uploads under. */
export const WIRE_CASES = {
  'upload aborted while its large Blob body is under way': 'abort',
  'upload timed out in a large Blob body, retried once': 'timeout',
} as const
export type WireCase = keyof typeof WIRE_CASES
/** What the counting server saw of one run's {@link WIRE_CASES}. */
export type Wire = Readonly<Record<WireCase, BodyCounts>>

/** The uploads that report progress (the abort cases pass no `onProgress`). */
export const PROGRESS_CASES = [
  'upload server-side Uint8Array',
  'upload server-side Blob',
  'upload server-side ReadableStream',
  'upload server-side base64 string',
  'upload client-side Uint8Array',
  'upload client-side Blob',
  'upload 401 HttpError (wrong private key)',
] as const

/** Throws, telling to build, when a package's dist entry is missing. */
export const requireBuild = (): void => {
  const missing = missingBuilds()
  if (missing.length > 0)
    throw new Error(
      `The runtime suite runs the BUILT packages, and these are missing: ${missing.join(', ')}. ` +
        "Run the build first: cd /work/main && npx -y pnpm@10 -r --filter './packages/*' run build",
    )
}

/** `undefined` when `file --version` works (within 60 s, an outer bound for a hung binary), else why not. */
export const binaryProblem = (file: string): string | undefined => {
  if (!fs.existsSync(file)) return `${path.relative(root, file)} is not installed`
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 60_000 })
  if (r.error) return `${path.basename(file)} failed to start: ${r.error.message}`
  if (r.status !== 0)
    return `${path.basename(file)} --version exited with ${String(r.status)}: ${r.stderr.trim()}`
  return undefined
}

let dir: string | undefined

/**
 * A throw-away user folder, as scripts/lib/user-dir.mjs makes one (node_modules links the built packages and the
 * peers), but one per test file and removed by `removeUserDir`; it holds the scenario (compiled, bare imports
 * kept) and the entries.
 */
export const userDir = (): string => {
  if (dir !== undefined) return dir
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-runtimes-'))
  fs.writeFileSync(
    path.join(d, 'package.json'),
    JSON.stringify({ name: 'user', private: true, type: 'module' }),
  )
  const link = (name: string, target: string) => {
    const to = path.join(d, 'node_modules', name)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.symlinkSync(target, to, 'dir')
  }
  for (const p of ourPackages) link(`@imagekit-fp/${p}`, path.join(root, 'packages', p))
  for (const p of ['fp-ts', 'io-ts']) link(p, fs.realpathSync(path.join(root, 'node_modules', p)))
  const source = fs.readFileSync(path.join(root, 'test/runtimes/support/scenario.ts'), 'utf8')
  const scenario = transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' }).code
  fs.writeFileSync(path.join(d, 'scenario.mjs'), scenario)
  fs.writeFileSync(path.join(d, 'entry-child.mjs'), CHILD_ENTRY)
  fs.writeFileSync(path.join(d, 'entry-worker.mjs'), WORKER_ENTRY)
  fs.writeFileSync(path.join(d, 'entry-edge.mjs'), "export { runScenario } from './scenario.mjs'\n")
  dir = d
  return d
}

/** Removes the user folder (call in afterAll). */
export const removeUserDir = (): void => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true })
  dir = undefined
}

/** A process entry (Node, Deno, Bun): input JSON as the first argument, one result line on stdout. */
const CHILD_ENTRY = `import { runScenario } from './scenario.mjs'
const isDeno = typeof Deno === 'object'
const args = isDeno ? Deno.args : process.argv.slice(2)
const result = await runScenario(JSON.parse(args[0]))
console.log('SCENARIO_RESULT ' + JSON.stringify(result))
if (isDeno) Deno.exit(0)
else process.exit(0)
`

/** A Workers module: POST the input JSON, get the result JSON. */
const WORKER_ENTRY = `import { runScenario } from './scenario.mjs'
export default {
  async fetch(request) {
    const result = await runScenario(await request.json())
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } })
  },
}
`

export interface BundleOptions {
  readonly entry: 'entry-child.mjs' | 'entry-worker.mjs' | 'entry-edge.mjs'
  readonly platform: Platform
  readonly conditions: readonly string[]
  readonly format: 'esm' | 'iife'
  readonly globalName?: string
}

/** Bundles an entry from the user folder (so `@imagekit-fp/*` resolve to dist through package.json `exports`). */
export const bundle = async (options: BundleOptions): Promise<string> => {
  const dir = userDir()
  const out = await build({
    absWorkingDir: dir,
    entryPoints: [path.join(dir, options.entry)],
    bundle: true,
    write: false,
    platform: options.platform,
    conditions: [...options.conditions],
    mainFields: ['browser', 'module', 'main'],
    format: options.format,
    target: 'es2022',
    logLevel: 'silent',
    ...(options.globalName === undefined ? {} : { globalName: options.globalName }),
  })
  return out.outputFiles[0]!.text
}

/** Node-style `node:` imports or requires left in a bundle (a Workers / Edge bundle must have none). */
export const nodeImports = (code: string): string[] =>
  [
    ...code.matchAll(
      /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](node:[a-z_/]+|fs|path|crypto|http)["']/g,
    ),
  ].map((m) => m[1]!)

/**
 * Runs a child process with a hard timeout (SIGKILL: an outer bound for a stuck run, generous so that a loaded
 * machine never reaches it) and returns the scenario's result line.
 */
export const runChild = (
  file: string,
  args: readonly string[],
  timeoutMs = 240_000,
): Promise<ScenarioResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: userDir(), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${path.basename(file)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr}`))
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = stdout.split('\n').find((l) => l.startsWith('SCENARIO_RESULT '))
      if (code !== 0 || line === undefined)
        reject(
          new Error(
            `${path.basename(file)} exited with ${String(code)}\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        )
      else resolve(JSON.parse(line.slice('SCENARIO_RESULT '.length)) as ScenarioResult)
    })
  })

/** Writes `code` into the user folder as `name` and returns that file name (children run there). */
export const writeUserFile = (name: string, code: string): string => {
  fs.writeFileSync(path.join(userDir(), name), code)
  return name
}

/** The scenario in Node (the reference), resolving the built packages as a Node user does (`node` condition). */
export const runNode = (input: ScenarioInput): Promise<ScenarioResult> =>
  runChild(process.execPath, ['entry-child.mjs', JSON.stringify(input)])

// ---- inputs, signed in Node ----

export interface Fake {
  readonly url: string
  readonly privateKey: string
  readonly publicKey: string
  readonly close: () => Promise<void>
}

/**
 * Starts the offline ImageKit on loopback (@imagekit-fp/testing's stand-in, served by `listen()`): one stand-in
 * per run, under `<url>/<runId>`, so that runs made at the same time store their files apart (the stand-in keeps
 * state: the same upload twice is a second version).
 */
export const startFake = async (): Promise<Fake> => {
  const runs = new Map<string, ReturnType<typeof createImagekitStandIn>>()
  const keys = createImagekitStandIn()
  const { url, close } = await listen({
    handle: (request) => {
      const at = new URL(request.url)
      const [, run = '', ...rest] = at.pathname.split('/')
      const standIn = runs.get(run) ?? createImagekitStandIn()
      runs.set(run, standIn)
      at.pathname = `/${rest.join('/')}`
      const init = { method: request.method, headers: request.headers, body: request.body, duplex: 'half' }
      return standIn.handle(new Request(at, { ...init, signal: request.signal } as RequestInit))
    },
  })
  return { url, privateKey: keys.privateKey, publicKey: keys.publicKey, close }
}

const sha1 = (key: string, msg: string) => createHmac('sha1', key).update(msg).digest('hex')

const clientAuth = (privateKey: string): ClientAuth => {
  const token = randomUUID()
  const expire = Math.floor(Date.now() / 1000) + 600
  return { token, expire, signature: sha1(privateKey, `${token}${expire}`) }
}

/** Fixed clocks and webhook secrets (the upload auth is fresh per call: each token is accepted once). */
export const NOW = 1_600_000_000_123
export const WEBHOOK_SECRET = 'whsec_cnVudGltZXMtc3VpdGU='
export const WEBHOOK_NOW = 1_735_689_600_000

const event = (id: string) =>
  JSON.stringify({
    type: 'file.created',
    id,
    created_at: '2025-01-01T00:00:00.000Z',
    data: { fileId: 'f1', name: 'naïve ✓.jpg', filePath: '/naïve ✓.jpg', size: 1234 },
  })

const legacyWebhook = (): SignedWebhook => {
  const body = event('evt-legacy')
  const v1 = createHmac('sha256', WEBHOOK_SECRET).update(`${WEBHOOK_NOW}.${body}`).digest('hex')
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-ik-signature': `t=${WEBHOOK_NOW},v1=${v1}` },
  }
}

const standardWebhook = (): SignedWebhook => {
  const body = event('evt-standard')
  const seconds = WEBHOOK_NOW / 1000
  const sig = createHmac('sha256', WEBHOOK_SECRET).update(`msg_1.${seconds}.${body}`).digest('base64')
  return {
    body,
    headers: {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(seconds),
      'webhook-signature': `v1,AAAA v1,${sig}`,
    },
  }
}

/**
 * The per-attempt timeout of the scenario's upload that times out. The counting server holds the body, so each
 * attempt lasts this long and times out whether or not its POST got there first (a loaded machine may be slower
 * than any timeout); generous, so that in practice the POSTs do get there.
 */
export const UPLOAD_TIMEOUT_MS = 3000

/** The counting server the abort and timeout cases upload to; it holds each body until the run is over. */
export const startCounting = (): Promise<CountingServer> => startCountingServer()

/**
 * Runs the scenario with `input`, then waits until every upload of its {@link WIRE_CASES} has ended on the
 * counting server (body received whole, or connection closed) and gives the counts.
 */
export const runCounted = async (
  counting: CountingServer,
  input: ScenarioInput,
  run: (input: ScenarioInput) => Promise<ScenarioResult>,
): Promise<{ readonly result: ScenarioResult; readonly wire: Wire }> => {
  const result = await run(input)
  const entries = await Promise.all(
    Object.entries(WIRE_CASES).map(
      async ([name, suffix]) => [name, await counting.settled(`${input.runId}-${suffix}`)] as const,
    ),
  )
  return { result, wire: Object.fromEntries(entries) as Record<WireCase, BodyCounts> }
}

/** A fresh input for one scenario run against `fake` and `counting` (its own run id there). */
export const makeInput = (fake: Fake, counting: CountingServer): ScenarioInput => {
  const runId = randomUUID().slice(0, 8)
  return {
    countingUrl: counting.url,
    runId,
    uploadTimeoutMs: UPLOAD_TIMEOUT_MS,
    now: NOW,
    uploadBaseUrl: `${fake.url}/${runId}`,
    privateKey: fake.privateKey,
    publicKey: fake.publicKey,
    clientAuth: [clientAuth(fake.privateKey), clientAuth(fake.privateKey)],
    webhookSecret: WEBHOOK_SECRET,
    webhookNow: WEBHOOK_NOW,
    legacyWebhook: legacyWebhook(),
    standardWebhook: standardWebhook(),
  }
}
