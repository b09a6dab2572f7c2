// The reference run: the portable scenario in Node, resolving the built packages as a Node user does (`node`
// export condition: dist/node, HMAC from node:crypto), and the same scenario from the portable bundle. The values
// that do not depend on the runtime are pinned here, so every other runtime is compared with a checked reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bundle,
  CASE_NAMES,
  makeInput,
  removeUserDir,
  nodeImports,
  PROGRESS_CASES,
  requireBuild,
  runChild,
  runCounted,
  runNode,
  startCounting,
  startFake,
  UPLOAD_TIMEOUT_MS,
  writeUserFile,
  type Fake,
  type Wire,
} from './support/harness'
import type { ScenarioResult } from './support/scenario'
import type { CountingServer } from '../support/countingServer'

let fake: Fake | undefined
let counting: CountingServer | undefined
let direct: ScenarioResult
let portable: ScenarioResult
let wire: { direct: Wire; portable: Wire }
let portableCode: string

beforeAll(async () => {
  requireBuild()
  ;[fake, counting] = await Promise.all([startFake(), startCounting()])
  const f = fake
  const c = counting
  portableCode = await bundle({
    entry: 'entry-child.mjs',
    platform: 'browser',
    conditions: [],
    format: 'esm',
  })
  const file = writeUserFile('bundle-node-portable.mjs', portableCode)
  const [d, p] = await Promise.all([
    runCounted(c, makeInput(f, c), runNode),
    runCounted(c, makeInput(f, c), (input) => runChild(process.execPath, [file, JSON.stringify(input)])),
  ])
  ;[direct, portable, wire] = [d.result, p.result, { direct: d.wire, portable: p.wire }]
})

afterAll(async () => {
  await Promise.all([fake?.close(), counting?.close()])
  removeUserDir()
})

const right = (right: unknown) => ({ _tag: 'Right', right })
const E = 'https://ik.imagekit.io/your_imagekit_id/endpoint'

describe('runtimes: Node (reference)', () => {
  it('node: the scenario reports exactly the listed cases', () => {
    expect(Object.keys(direct.cases)).toStrictEqual([...CASE_NAMES])
    expect(Object.keys(direct.progress)).toStrictEqual([...PROGRESS_CASES])
  })

  it('node: buildUrl gives the classic README URLs', () => {
    expect(direct.cases['buildUrl classic README examples']).toStrictEqual([
      right(`${E}/tr:h-300,w-400/default-image.jpg`),
      right(`${E}/default-image.jpg?tr=h-300%2Cw-400`),
      right(`${E}/default-image.jpg?tr=h-300%2Cw-400%3Art-90`),
      right(`${E}/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1`),
      right("https://ik.imagekit.io/demo/my%20folder/it's%20%231/%C3%A9%20x.jpg?v=%C3%BC+1"),
    ])
  })

  it('node: signUrl signs the official vector without expiry', () => {
    const signed = direct.cases['signUrl with a fixed clock'] as unknown[]
    expect(signed[1]).toStrictEqual(
      right(
        'https://ik.imagekit.io/demo/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496',
      ),
    )
  })

  it('node: getAuthenticationParameters gives the documented vector', () => {
    const [vector, expired, generated] = direct.cases['getAuthenticationParameters'] as unknown[]
    expect(vector).toStrictEqual(
      right({
        token: 'your_token',
        expire: 1582269249,
        signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
      }),
    )
    expect(expired).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError', path: 'options.expire' } })
    expect(generated).toStrictEqual({ uuidV4: true, expire: 1_600_000_000 + 1800, signatureMatches: true })
  })

  it('node: phashDistance and verifyWebhook give the documented values', () => {
    expect((direct.cases['phashDistance'] as unknown[]).slice(0, 2)).toStrictEqual([right(17), right(64)])
    const webhooks = direct.cases['verifyWebhook'] as { _tag: string; left?: { reason?: string } }[]
    expect(webhooks.map((w) => w._tag)).toStrictEqual([
      'Right',
      'Right',
      'Right',
      'Left',
      'Left',
      'Left',
      'Left',
    ])
    expect(webhooks.slice(3).map((w) => w.left?.reason)).toStrictEqual([
      'InvalidSignature',
      'TimestampOutOfRange',
      'InvalidSignature',
      'MissingHeader',
    ])
  })

  it('node: every upload reaches the stand-in of ImageKit and the error cases are the right Left', () => {
    const c = direct.cases
    expect(c['upload server-side Uint8Array']).toMatchObject(
      right({
        name: 'bytes.bin',
        size: 200_000,
        filePath: '/runtimes/bytes.bin',
        fileId: '<24 hex>',
        tags: ['a', 'b'],
      }),
    )
    expect(c['upload server-side Blob']).toMatchObject(
      right({ name: 'blob_image.png', size: 70_000, fileType: 'image', description: 'é ✓' }),
    )
    expect(c['upload server-side ReadableStream']).toMatchObject(right({ name: 'stream.bin', size: 50_000 }))
    expect(c['upload server-side base64 string']).toMatchObject(right({ name: 'h.txt', size: 5 }))
    expect(c['upload client-side Uint8Array']).toMatchObject(right({ name: 'client.bin', size: 30_000 }))
    expect(c['upload client-side Blob']).toMatchObject(right({ name: 'client.txt', size: 21 }))
    expect(c['upload 401 HttpError (wrong private key)']).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 401,
        message: 'Your account cannot be authenticated.',
        help: 'For support kindly contact us at support@imagekit.io .',
        body: {
          message: 'Your account cannot be authenticated.',
          help: 'For support kindly contact us at support@imagekit.io .',
        },
        url: '<upload>/api/v1/files/upload',
        requestId: '<uuid>',
      },
    })
    const aborted = {
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Aborted',
        message: 'POST <upload>/api/v1/files/upload was aborted',
      },
    }
    expect(c['upload aborted before sending']).toStrictEqual(aborted)
    expect(c['upload aborted while sending']).toStrictEqual(aborted)
  })

  it('node: an upload aborted while its large Blob body is under way, or timed out twice, leaves no body received whole', () => {
    expect(direct.cases['upload aborted while its large Blob body is under way']).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Aborted',
        message: 'POST <counting>-abort/api/v1/files/upload was aborted',
      },
    })
    expect(direct.cases['upload timed out in a large Blob body, retried once']).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Timeout',
        message: `POST <counting>-timeout/api/v1/files/upload timed out after ${UPLOAD_TIMEOUT_MS} ms`,
      },
    })
    // Each timed-out attempt times out whether or not its POST got there first: at most one retry is what holds.
    const seen = (w: Wire) => ({
      aborted: w['upload aborted while its large Blob body is under way'],
      timedOut: {
        atMostTwoPosts: w['upload timed out in a large Blob body, retried once'].started <= 2,
        completed: w['upload timed out in a large Blob body, retried once'].completed,
      },
    })
    const counts = { aborted: { started: 1, completed: 0 }, timedOut: { atMostTwoPosts: true, completed: 0 } }
    expect({ direct: seen(wire.direct), portable: seen(wire.portable) }).toStrictEqual({
      direct: counts,
      portable: counts,
    })
  })

  it('node: HMAC runs through node:crypto in both the node build and the portable bundle', () => {
    const info = {
      typeofProcess: 'object',
      getBuiltinModule: true,
      nodeCryptoRequests: expect.any(Number),
      hmacPath: 'node:crypto',
      requestStreams: true,
      streamBodyAccepted: true,
    }
    expect(direct.info).toStrictEqual(info)
    expect(portable.info).toStrictEqual(info)
  })

  it('node: onProgress is called for every upload and ends at the body size', () => {
    for (const r of [direct, portable])
      for (const name of PROGRESS_CASES) {
        const p = r.progress[name]!
        expect(p.called && p.consistent, name).toBe(true)
        expect(p.last!.loaded, name).toBe(p.last!.total ?? p.last!.loaded)
      }
  })

  it('node: the portable bundle (browser conditions) gives the same cases as the node build', () => {
    expect(portable.cases).toStrictEqual(direct.cases)
    expect(nodeImports(portableCode)).toStrictEqual([])
  })
})
