// Bun 1.4: the scenario run as a child process, from a prebundled file (portable build, browser conditions) and
// straight from a user folder's node_modules (what `import '@imagekit-fp/url'` gives a Bun user: Bun resolves
// the `node` export condition, so it loads dist/node).
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  binaryProblem,
  bundle,
  BUN,
  makeInput,
  removeUserDir,
  root,
  requireBuild,
  runChild,
  runNode,
  startFake,
  userDir,
  writeUserFile,
  type Fake,
} from './support/harness'
import { compareWithNode, type RunState } from './support/suite'

const ROOT = pathToFileURL(root).href
const problem = binaryProblem(BUN)
const bun = (file: string, input: string) => runChild(BUN, [file, input])

let fake: Fake | undefined
let prebundled: RunState | undefined
let direct: RunState | undefined
let resolved = ''

beforeAll(async () => {
  if (problem !== undefined) return
  requireBuild()
  fake = await startFake()
  const f = fake
  const file = writeUserFile(
    'bundle-bun.mjs',
    await bundle({ entry: 'entry-child.mjs', platform: 'browser', conditions: [], format: 'esm' }),
  )
  writeUserFile(
    'resolve.mjs',
    "console.log('SCENARIO_RESULT ' + JSON.stringify({ url: import.meta.resolve('@imagekit-fp/url'), utils: import.meta.resolve('@imagekit-fp/utils'), upload: import.meta.resolve('@imagekit-fp/upload') }))\n",
  )
  const [node, a, b, r] = await Promise.all([
    runNode(makeInput(f)),
    bun(file, JSON.stringify(makeInput(f))),
    bun('entry-child.mjs', JSON.stringify(makeInput(f))),
    bun('resolve.mjs', '{}') as Promise<unknown>,
  ])
  prebundled = { ok: true, node, result: a }
  direct = { ok: true, node, result: b }
  resolved = JSON.stringify(r).split(userDir()).join('<user>')
})

afterAll(async () => {
  await fake?.close()
  removeUserDir()
})

// Deno and Bun keep a streamed request body as a stream (their Request never reads `duplex`, which the SDK no
// longer requires), so onProgress is called as in Node (packages/upload/README.md, "Progress, per platform").
const info = {
  typeofProcess: 'object',
  getBuiltinModule: true,
  hmacPath: 'node:crypto',
  requestStreams: false,
  streamBodyAccepted: true,
} as const

const describeIf = problem === undefined ? describe : describe.skip
describeIf(problem === undefined ? 'runtimes: Bun' : `runtimes: Bun skipped: ${problem}`, () => {
  it('bun: a bare import resolves the node export condition (dist/node for utils and url)', () => {
    expect(JSON.parse(resolved)).toStrictEqual({
      url: `${ROOT}/packages/url/dist/node/index.js`,
      utils: `${ROOT}/packages/utils/dist/node/index.js`,
      upload: `${ROOT}/packages/upload/dist/index.js`,
    })
  })

  describe('prebundled (portable build)', () => {
    compareWithNode('bun prebundled', () => prebundled, { info, progressCalled: true })
  })

  describe('direct import from node_modules (node build)', () => {
    compareWithNode('bun direct', () => direct, { info, progressCalled: true })
  })
})
