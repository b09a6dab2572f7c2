// Cloudflare Workers: the scenario bundled as wrangler does (conditions workerd, worker, browser; one ES module)
// and run in workerd through miniflare 4, without and with the nodejs_compat flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bundle,
  makeInput,
  removeUserDir,
  nodeImports,
  requireBuild,
  runCounted,
  runNode,
  startCounting,
  startFake,
  type Fake,
} from './support/harness'
import type * as MiniflareNs from 'miniflare'
import { STREAM_ABORT_SKIPPED, type ScenarioResult } from './support/scenario'
import { compareWithNode, type Expectations, type RunState } from './support/suite'
import type { CountingServer } from '../support/countingServer'

type MiniflareModule = typeof MiniflareNs
let mfModule: MiniflareModule | undefined
let importProblem: string | undefined
try {
  mfModule = await import('miniflare')
} catch (e) {
  importProblem = `miniflare cannot be imported: ${e instanceof Error ? e.message : String(e)}`
}

const COMPATIBILITY_DATE = '2026-07-01'
const variants = [
  { label: 'workerd', flags: [] as string[] },
  { label: 'workerd nodejs_compat', flags: ['nodejs_compat'] },
] as const

let fake: Fake | undefined
let counting: CountingServer | undefined
let code = ''
const states = new Map<string, RunState>()
const instances: { dispose: () => Promise<void> }[] = []

beforeAll(async () => {
  if (mfModule === undefined) return
  requireBuild()
  ;[fake, counting] = await Promise.all([startFake(), startCounting()])
  const c = counting
  const f = fake
  code = await bundle({
    entry: 'entry-worker.mjs',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    format: 'esm',
  })
  const node = await runNode(makeInput(f, c))
  for (const { label, flags } of variants) {
    let mf: InstanceType<MiniflareModule['Miniflare']>
    try {
      mf = new mfModule.Miniflare({
        modules: true,
        script: code,
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: [...flags],
      })
      instances.push(mf)
      await mf.ready
    } catch (e) {
      states.set(label, {
        ok: false,
        reason: `workerd failed to start: ${e instanceof Error ? e.message : String(e)}`,
      })
      continue
    }
    const worker = mf
    const counted = await runCounted(c, { ...makeInput(f, c), skipStreamAbort: true }, async (input) => {
      const res = await worker.dispatchFetch('http://localhost/', {
        method: 'POST',
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(240_000), // an outer bound for a stuck worker, never reached by a slow one
      })
      const text = await res.text()
      if (res.status !== 200) throw new Error(`${label}: the worker answered ${res.status}: ${text}`)
      return JSON.parse(text) as ScenarioResult
    })
    states.set(label, { ok: true, node, ...counted })
  }
})

afterAll(async () => {
  for (const mf of instances) await mf.dispose()
  await Promise.all([fake?.close(), counting?.close()])
  removeUserDir()
})

// workerd dies on a fatal internal error when a fetch whose request body is a stream is aborted (reproduced
// with a bare fetch, no SDK), which would end this whole run: that one case is left out here.
const uploadDifferences: Expectations['differences'] = {
  'upload aborted while sending': {
    why: 'left out: aborting a streamed request body crashes workerd',
    value: STREAM_ABORT_SKIPPED,
  },
}

// For the same reason the SDK never turns a Blob or bytes body into a stream for progress in Workers (a Blob
// body aborts cleanly): onProgress is called only for a ReadableStream file, which is sent as a stream anyway
// (packages/upload/README.md, "Progress, per platform").
const progressWhy = 'by design: a Blob body turned into a stream would crash workerd on abort'
const progressCalled = ['upload server-side ReadableStream'] as const

const describeIf = mfModule === undefined ? describe.skip : describe
describeIf(importProblem ?? 'runtimes: Cloudflare Workers (workerd via miniflare)', () => {
  it('workerd: the bundle (conditions workerd, worker, browser) has no node: import', () => {
    expect(nodeImports(code)).toStrictEqual([])
  })

  describe('without nodejs_compat', () => {
    compareWithNode('workerd', () => states.get('workerd'), {
      info: {
        typeofProcess: 'undefined',
        getBuiltinModule: false,
        hmacPath: '@noble/hashes',
        requestStreams: false,
        streamBodyAccepted: true,
      },
      differences: uploadDifferences,
      progressCalled,
      progressWhy,
    })
  })

  describe('with nodejs_compat', () => {
    compareWithNode('workerd nodejs_compat', () => states.get('workerd nodejs_compat'), {
      info: {
        typeofProcess: 'object',
        getBuiltinModule: true,
        hmacPath: 'node:crypto',
        requestStreams: false,
        streamBodyAccepted: true,
      },
      differences: uploadDifferences,
      progressCalled,
      progressWhy,
    })
  })
})
