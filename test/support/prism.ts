// Starts a Prism mock server (@stoplight/prism-cli 5.14.2) on 127.0.0.1 serving ImageKit's patched OpenAPI
// spec, for contract tests. One server per test file:
//
//   const spec = imagekitSpec()
//   describe.skipIf(spec.path === undefined)('contract', () => {
//     let prism: PrismServer
//     beforeAll(async () => { prism = await startPrism(spec.path!) })
//     afterAll(() => prism.stop())
//     // point apiBaseUrl and uploadBaseUrl at prism.url; wrap fetch with recordingFetch to see sl-violations
//   })
//
// The spec lives outside the repository (`../shared/imagekit-openapi/` beside the clone); where it is absent,
// `imagekitSpec().reason` says why and the suite skips.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is `<root>/test/support/prism.ts`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the patched ImageKit spec is expected: `<repoRoot>/../shared/imagekit-openapi/v1.0.0.patched.yaml`. */
export const SPEC_PATH = path.resolve(repoRoot, '../shared/imagekit-openapi/v1.0.0.patched.yaml')

const PRISM_BIN = path.resolve(repoRoot, 'node_modules/.bin/prism')

/** The spec's path when both it and the Prism binary are present; otherwise why the contract suite skips. */
export const imagekitSpec = (): { readonly path?: string; readonly reason?: string } => {
  if (!existsSync(SPEC_PATH))
    return { reason: `ImageKit OpenAPI spec not found at ${SPEC_PATH}: contract tests skipped` }
  if (!existsSync(PRISM_BIN)) return { reason: `Prism not installed at ${PRISM_BIN}: contract tests skipped` }
  return { path: SPEC_PATH }
}

export interface PrismServer {
  /** `http://127.0.0.1:<port>`: use it as both `apiBaseUrl` and `uploadBaseUrl`. */
  readonly url: string
  /** What Prism printed, for failure messages. */
  readonly log: () => string
  /** Kills Prism's whole process group and waits for it to exit. */
  readonly stop: () => Promise<void>
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/**
 * Starts `prism mock <spec> -h 127.0.0.1 -p <free port>` in its own process group and resolves once it
 * answers HTTP (any status). Rejects with Prism's output if it exits or is not up within `timeoutMs`.
 */
export const startPrism = async (spec: string, timeoutMs = 45_000): Promise<PrismServer> => {
  const port = await freePort()
  const child = spawn(PRISM_BIN, ['mock', spec, '-h', '127.0.0.1', '-p', String(port)], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)))
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    killGroup(child, 'SIGTERM')
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])
    if (!done) {
      killGroup(child, 'SIGKILL')
      await exited
    }
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prism exited before it was ready:\n${output}`)
    }
    try {
      await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(1_000) })
      return { url, log: () => output, stop }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`prism did not answer within ${timeoutMs} ms:\n${output}`)
    }
    await sleep(200)
  }
}

/** One exchange seen by {@link recordingFetch}. */
export interface Exchange {
  readonly method: string
  readonly url: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  /** The `sl-violations` header Prism adds when a request breaks the spec (absent when it is valid). */
  readonly violations: string | null
}

/** Wraps a fetch so that each response's status and headers (notably `sl-violations`) are recorded. */
export const recordingFetch = (
  inner: typeof fetch = globalThis.fetch,
): { readonly fetch: typeof fetch; readonly exchanges: Exchange[] } => {
  const exchanges: Exchange[] = []
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const response = await inner(request)
    const headers: Record<string, string> = {}
    response.headers.forEach((v, k) => {
      headers[k] = v
    })
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      headers,
      violations: response.headers.get('sl-violations'),
    })
    return response
  }
  return { fetch: wrapped as typeof fetch, exchanges }
}
