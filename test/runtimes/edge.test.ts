// Vercel Edge: the scenario bundled for the edge (conditions edge-light, worker, browser; one script) and evaluated
// in @edge-runtime/vm 5, the sandbox Vercel's own tooling runs edge functions in.
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
import type * as EdgeNs from '@edge-runtime/vm'
import type { ScenarioResult } from './support/scenario'
import { compareWithNode, type RunState } from './support/suite'
import type { CountingServer } from '../support/countingServer'

type EdgeModule = typeof EdgeNs
let edge: EdgeModule | undefined
let importProblem: string | undefined
try {
  edge = await import('@edge-runtime/vm')
} catch (e) {
  importProblem = `@edge-runtime/vm cannot be imported: ${e instanceof Error ? e.message : String(e)}`
}

const GLOBAL = '__imagekitScenario'
let fake: Fake | undefined
let counting: CountingServer | undefined
let code = ''
let state: RunState | undefined

beforeAll(async () => {
  if (edge === undefined) return
  requireBuild()
  ;[fake, counting] = await Promise.all([startFake(), startCounting()])
  const c = counting
  code = await bundle({
    entry: 'entry-edge.mjs',
    platform: 'browser',
    conditions: ['edge-light', 'worker', 'browser'],
    format: 'iife',
    globalName: GLOBAL,
  })
  const node = await runNode(makeInput(fake, c))
  let vm: InstanceType<EdgeModule['EdgeVM']>
  try {
    vm = new edge.EdgeVM()
  } catch (e) {
    state = { ok: false, reason: `EdgeVM failed to start: ${e instanceof Error ? e.message : String(e)}` }
    return
  }
  vm.evaluate(code)
  const counted = await runCounted(c, makeInput(fake, c), async (input) => {
    const run = vm.evaluate<Promise<string>>(
      `${GLOBAL}.runScenario(${JSON.stringify(input)}).then((r) => JSON.stringify(r))`,
    )
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the edge scenario did not finish within 240 s')), 240_000).unref(),
    )
    return JSON.parse(await Promise.race([run, timeout])) as ScenarioResult
  })
  state = { ok: true, node, ...counted }
})

afterAll(async () => {
  await Promise.all([fake?.close(), counting?.close()])
  removeUserDir()
})

const describeIf = edge === undefined ? describe.skip : describe
describeIf(importProblem ?? 'runtimes: Vercel Edge (@edge-runtime/vm)', () => {
  it('edge: the bundle (conditions edge-light, worker, browser) has no node: import', () => {
    expect(nodeImports(code)).toStrictEqual([])
  })

  compareWithNode('edge', () => state, {
    info: {
      typeofProcess: 'undefined',
      getBuiltinModule: false,
      hmacPath: '@noble/hashes',
      requestStreams: true,
      streamBodyAccepted: true,
    },
    progressCalled: true,
  })

  it("edge: an AbortSignal's Object.prototype.toString tag is [object EventTarget] here (the transport duck-types signals, so they work)", () => {
    const vm = new edge!.EdgeVM()
    expect(
      vm.evaluate<string>(
        '[new AbortController().signal, AbortSignal.abort(), AbortSignal.timeout(1000)].map((s) => Object.prototype.toString.call(s)).join()',
      ),
    ).toBe('[object EventTarget],[object EventTarget],[object EventTarget]')
  })
})
