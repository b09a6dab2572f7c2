// Hostile input, refused before any I/O or sent exactly as checked: values JSON cannot hold (ImageKit reads the
// `null` they would become as "unset this key"), getters that answer differently on a second read, absurd ids,
// whole inputs that are not plain objects, and signals that fail when used.
import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import * as m from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

type Fn = (c: m.MediaConfig, input: never) => () => Promise<unknown>

const JSON_DATA = 'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object'
const FILE = { fileId: 'f1', type: 'file', name: 'a.jpg', filePath: '/a.jpg' }

/** `fn(input)` is exactly `Left(ValidationError(path, message))` and nothing was sent. */
const refused = async (fn: Fn, input: unknown, path: string, message: string) => {
  const stub = stubFetch()
  expect(await fn({ privateKey: KEY, fetch: stub.fetch }, input as never)()).toStrictEqual({
    _tag: 'Left',
    left: validationError(path, message),
  })
  expect(stub.calls).toStrictEqual([])
}

/** What `fn(input)` sent: the JSON bodies of its requests (the reply is a file). */
const sentBodies = async (fn: Fn, input: unknown) => {
  const stub = stubFetch(() => json(FILE))
  await fn({ privateKey: KEY, fetch: stub.fetch }, input as never)()
  return stub.calls.map((c) => c.json)
}

/** An object whose `key` reads `first` once, then `later` on every read after that. */
const fickle = (o: object, key: string, first: unknown, later: unknown): object => {
  let reads = 0
  return Object.defineProperty(o, key, { enumerable: true, get: () => (reads++ === 0 ? first : later) })
}

const cyclic = (): object => {
  const o: Record<string, unknown> = { a: 1 }
  o['self'] = o
  return o
}

const update = m.updateFileDetails as Fn

/** `['red', <hole>, 'blue']`. */
const holey = (): unknown[] => {
  const a: unknown[] = ['red']
  a[2] = 'blue'
  return a
}

describe('media: values JSON cannot hold are refused at their path', () => {
  it.each([
    ['NaN', { price: NaN }, 'input.customMetadata.price', JSON_DATA],
    ['Infinity', { price: Infinity }, 'input.customMetadata.price', JSON_DATA],
    ['-Infinity', { price: -Infinity }, 'input.customMetadata.price', JSON_DATA],
    ['a Symbol', { s: Symbol('s') }, 'input.customMetadata.s', JSON_DATA],
    ['a function', { f: () => 1 }, 'input.customMetadata.f', JSON_DATA],
    ['a BigInt', { n: 1n }, 'input.customMetadata.n', JSON_DATA],
    ['undefined in a list', { colours: ['red', undefined] }, 'input.customMetadata.colours[1]', JSON_DATA],
    ['a hole in a list', { colours: holey() }, 'input.customMetadata.colours[1]', JSON_DATA],
    ['a Map', { m: new Map([['a', 1]]) }, 'input.customMetadata.m', JSON_DATA],
    ['a cycle', { c: cyclic() }, 'input.customMetadata.c.self', 'must not contain itself (a cycle)'],
    [
      'a throwing getter',
      Object.defineProperty({}, 'price', {
        enumerable: true,
        get: () => {
          throw new Error('boom')
        },
      }),
      'input.customMetadata.price',
      'could not be read',
    ],
  ])('updateFileDetails: %s in customMetadata', async (_title, customMetadata, path, message) =>
    refused(update, { fileId: 'f1', customMetadata }, path, message),
  )

  it('updateFileDetails: NaN in an extension option', async () =>
    refused(
      update,
      { fileId: 'f1', extensions: [{ name: 'remove-bg', options: { add_shadow: true, bg_color: NaN } }] },
      'input.extensions[0].options.bg_color',
      'must be a string',
    ))

  it('updateFileDetails: a function in an ai task', async () =>
    refused(
      update,
      {
        fileId: 'f1',
        extensions: [{ name: 'ai-tasks', tasks: [{ type: 'yes_no', instruction: 'x', on_yes: () => 1 }] }],
      },
      'input.extensions[0].tasks[0].on_yes',
      'must be an object',
    ))

  it('sends null (unset), leaves undefined members out and sends a Date as its ISO text', async () =>
    expect(
      await sentBodies(update, {
        fileId: 'f1',
        customMetadata: { brand: null, gone: undefined, when: new Date(Date.UTC(2024, 0, 31)), n: [1, 'a'] },
      }),
    ).toStrictEqual([{ customMetadata: { brand: null, when: '2024-01-31T00:00:00.000Z', n: [1, 'a'] } }]))
})

describe('media: each input field is read once and sent as checked', () => {
  it('sends the extension name that was checked, not a later read', async () =>
    expect(
      await sentBodies(update, {
        fileId: 'f1',
        extensions: [fickle({}, 'name', 'ai-auto-description', 'bogus')],
      }),
    ).toStrictEqual([{ extensions: [{ name: 'ai-auto-description' }] }]))

  it('sends the custom metadata value that was checked, not a later NaN', async () =>
    expect(
      await sentBodies(update, { fileId: 'f1', customMetadata: fickle({}, 'price', 10, NaN) }),
    ).toStrictEqual([{ customMetadata: { price: 10 } }]))

  it('sends the remove-bg options that were checked', async () =>
    expect(
      await sentBodies(update, {
        fileId: 'f1',
        extensions: [{ name: 'remove-bg', options: fickle({}, 'add_shadow', true, () => 1) }],
      }),
    ).toStrictEqual([{ extensions: [{ name: 'remove-bg', options: { add_shadow: true } }] }]))
})

describe('media: ids are bounded', () => {
  const long = 'a'.repeat(1025)
  it.each([
    ['getFileDetails', m.getFileDetails, { fileId: long }, 'input.fileId'],
    ['deleteFileVersion', m.deleteFileVersion, { fileId: 'a', versionId: long }, 'input.versionId'],
    ['getPurgeCacheStatus', m.getPurgeCacheStatus, { requestId: long }, 'input.requestId'],
    ['bulkDeleteFiles', m.bulkDeleteFiles, { fileIds: ['a', long] }, 'input.fileIds[1]'],
  ])('%s refuses an id of 1,025 characters', async (_title, fn, input, path) =>
    refused(fn as Fn, input, path, 'must be at most 1024 characters'),
  )

  it('sends an id of 1,024 characters', async () => {
    const stub = stubFetch(() => json(FILE))
    await m.getFileDetails({ privateKey: KEY, fetch: stub.fetch }, { fileId: 'a'.repeat(1024) })()
    expect(stub.calls.map((c) => c.path)).toStrictEqual([`/v1/files/${'a'.repeat(1024)}/details`])
  })
})

describe('media: the whole input must be a plain object', () => {
  class Options {
    fileId = 'f1'
  }
  it.each([
    ['listFiles: a Date', m.listFiles, new Date()],
    ['listFiles: a Map', m.listFiles, new Map()],
    ['getFileDetails: a class instance', m.getFileDetails, new Options()],
    ['getUsage: a RegExp', m.getUsage, /x/],
  ])('%s is refused', async (_title, fn, input) =>
    refused(fn as Fn, input, 'input', 'must be a plain object'),
  )

  it('refuses an array as before, as not an object', async () =>
    refused(m.listFiles as Fn, [], 'input', 'must be an object'))

  it('takes an object with a null prototype', async () => {
    const stub = stubFetch(() => json(FILE))
    const input = Object.assign(Object.create(null) as object, { fileId: 'f1' })
    expect(await m.getFileDetails({ privateKey: KEY, fetch: stub.fetch }, input as never)()).toStrictEqual({
      _tag: 'Right',
      right: FILE,
    })
  })
})

describe('media: a signal that fails when used is refused as input.signal', () => {
  const boom = () => {
    throw new Error(`no ${KEY}`)
  }
  it.each([
    [
      'addEventListener throws',
      { aborted: false, addEventListener: boom, removeEventListener: () => undefined },
    ],
    [
      'removeEventListener throws',
      { aborted: false, addEventListener: () => undefined, removeEventListener: boom },
    ],
    [
      'aborted throws',
      Object.defineProperty(
        { addEventListener: () => undefined, removeEventListener: () => undefined },
        'aborted',
        {
          get: boom,
        },
      ),
    ],
  ])('%s', async (_title, signal) =>
    refused(m.deleteFile as Fn, { fileId: 'a', signal }, 'input.signal', 'must be an AbortSignal'),
  )
})

describe('media: a signal that breaks after its check never makes a call throw or reject', () => {
  /** A signal whose `member` works `n` times, then throws. */
  const failingAfter = (member: 'aborted' | 'addEventListener' | 'removeEventListener', n: number) => {
    let uses = 0
    const use = <A>(value: A): A => {
      if (uses++ >= n) throw new Error(`signal broke, key ${KEY}`)
      return value
    }
    const signal = { addEventListener: () => undefined, removeEventListener: () => undefined, aborted: false }
    if (member === 'aborted') return Object.defineProperty(signal, 'aborted', { get: () => use(false) })
    return { ...signal, [member]: () => use(undefined) }
  }
  const cases = (['aborted', 'addEventListener', 'removeEventListener'] as const).flatMap((member) =>
    [1, 2, 3, 4, 5, 6, 8].map((n) => [member, n] as const),
  )
  const pending = () => stubFetch(() => json({ status: 'Pending' }))

  it.each(cases)('waitForPurge resolves when %s breaks after %i uses', async (member, n) => {
    const input = { requestId: 'r1', interval: 1, timeout: 20, signal: failingAfter(member, n) }
    const result = await m.waitForPurge({ privateKey: KEY, fetch: pending().fetch }, input as never)()
    expect(['Left', 'Right']).toContain(result._tag)
    expect(JSON.stringify(result)).not.toContain(KEY)
  })

  it.each(cases)('listAllFiles ends when %s breaks after %i uses', async (member, n) => {
    const stub = stubFetch(() => json([FILE]))
    const pages = []
    for await (const page of m.listAllFiles({ privateKey: KEY, fetch: stub.fetch }, {
      limit: 1,
      signal: failingAfter(member, n),
    } as never)) {
      pages.push(page._tag)
      if (pages.length > 5) break
    }
    expect(pages.length).toBeGreaterThan(0)
  })
})
