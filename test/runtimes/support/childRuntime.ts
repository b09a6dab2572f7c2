// The suite shared by the runtimes run as child processes (Deno, Bun): the scenario from a prebundled file
// (portable build, browser conditions) and straight from a user folder's node_modules (what
// `import '@imagekit-fp/url'` gives their users: both resolve the `node` export condition, so they load dist/node).
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  binaryProblem,
  bundle,
  makeInput,
  removeUserDir,
  root,
  requireBuild,
  runChild,
  runCounted,
  runNode,
  startCounting,
  startFake,
  userDir,
  writeUserFile,
  type Fake,
} from './harness'
import { compareWithNode, type RunState } from './suite'
import type { CountingServer } from '../../support/countingServer'

export interface ChildRuntime {
  /** Display name, e.g. `Deno`; its lowercase form starts every test title. */
  readonly name: string
  /** The runtime's binary. */
  readonly binary: string
  /** Arguments that run `file` with `input` as its first argument. */
  readonly args: (file: string, input: string) => readonly string[]
}

// Deno and Bun keep a streamed request body as a stream (their Request never reads `duplex`, which the SDK does
// not require), so onProgress is called as in Node (packages/upload/README.md, "Progress, per platform").
const info = {
  typeofProcess: 'object',
  getBuiltinModule: true,
  hmacPath: 'node:crypto',
  requestStreams: false,
  streamBodyAccepted: true,
} as const

/** Defines the whole suite for one child-process runtime (skipped, with the reason, when its binary fails). */
export const childRuntimeSuite = ({ name, binary, args }: ChildRuntime): void => {
  const label = name.toLowerCase()
  const problem = binaryProblem(binary)
  const run = (file: string, input: string) => runChild(binary, [...args(file, input)])
  let fake: Fake | undefined
  let counting: CountingServer | undefined
  let prebundled: RunState | undefined
  let direct: RunState | undefined
  let resolved = ''

  beforeAll(async () => {
    if (problem !== undefined) return
    requireBuild()
    ;[fake, counting] = await Promise.all([startFake(), startCounting()])
    const f = fake
    const c = counting
    const file = writeUserFile(
      `bundle-${label}.mjs`,
      await bundle({ entry: 'entry-child.mjs', platform: 'browser', conditions: [], format: 'esm' }),
    )
    writeUserFile(
      'resolve.mjs',
      "console.log('SCENARIO_RESULT ' + JSON.stringify({ url: import.meta.resolve('@imagekit-fp/url'), utils: import.meta.resolve('@imagekit-fp/utils'), upload: import.meta.resolve('@imagekit-fp/upload') }))\n",
    )
    const [node, a, b, r] = await Promise.all([
      runNode(makeInput(f, c)),
      runCounted(c, makeInput(f, c), (input) => run(file, JSON.stringify(input))),
      runCounted(c, makeInput(f, c), (input) => run('entry-child.mjs', JSON.stringify(input))),
      run('resolve.mjs', '{}') as Promise<unknown>,
    ])
    prebundled = { ok: true, node, ...a }
    direct = { ok: true, node, ...b }
    resolved = JSON.stringify(r).split(userDir()).join('<user>')
  })

  afterAll(async () => {
    await Promise.all([fake?.close(), counting?.close()])
    removeUserDir()
  })

  const describeIf = problem === undefined ? describe : describe.skip
  describeIf(problem === undefined ? `runtimes: ${name}` : `runtimes: ${name} skipped: ${problem}`, () => {
    it(`${label}: a bare import resolves the node export condition (dist/node for utils and url)`, () => {
      const ROOT = pathToFileURL(root).href
      expect(JSON.parse(resolved)).toStrictEqual({
        url: `${ROOT}/packages/url/dist/node/index.js`,
        utils: `${ROOT}/packages/utils/dist/node/index.js`,
        upload: `${ROOT}/packages/upload/dist/index.js`,
      })
    })

    describe('prebundled (portable build)', () => {
      compareWithNode(`${label} prebundled`, () => prebundled, { info, progressCalled: true })
    })

    describe('direct import from node_modules (node build)', () => {
      compareWithNode(`${label} direct`, () => direct, { info, progressCalled: true })
    })
  })
}
