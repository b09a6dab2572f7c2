// Every example response in ImageKit's spec, for every operation of this package, decodes with that
// operation's codec to itself, without a finding (what strictResponses would refuse). Skipped, with the
// reason, where the spec is absent.
import { describe, expect, it } from 'vitest'
import { FolderDetails, ListFilesResult } from '@imagekit-fp/media'
import { Empty } from './internal/codec'
import { operations } from './operations'
import { NOT_IN_SPEC } from './test-support/notInSpec'
import { prismSpec } from './test-support/contract'
import { reading, type AnyCodec } from './test-support/drift'
import { responses } from './test-support/spec'

/** Each operation's reply codec, from the registry. */
const codecs: Readonly<Record<string, AnyCodec>> = Object.fromEntries(
  Object.entries(operations)
    .filter(([id]) => !NOT_IN_SPEC.includes(id))
    .map(([, op]) => [`${op.method} ${op.path}`, op.codec as unknown as AnyCodec]),
)

const examples =
  prismSpec.path === undefined
    ? []
    : Object.entries(codecs).flatMap(([operation, codec]) => {
        const [method, path] = operation.split(' ') as [string, string]
        return responses(method, path)
          .filter((r) => r.status < 300)
          .flatMap((r) =>
            r.examples.map(([name, value]) => [`${operation} ${r.status} ${name}`, codec, value] as const),
          )
      })

describe.skipIf(prismSpec.path === undefined)('codecs: every spec example decodes', () => {
  it.each(examples)('%s', (_, codec, value) => {
    expect(reading(codec, value)).toStrictEqual({
      decoded: { _tag: 'Right', right: codec === Empty ? undefined : value },
      findings: [],
    })
  })

  it('found the examples (the spec has 16 response examples for the operations it describes)', () => {
    expect(examples.length).toBe(16)
  })
})

describe('codecs: a list item of a type this SDK does not know', () => {
  const folder = { type: 'folder', folderId: 'f', name: 'n', folderPath: '/n' }
  const asset = { type: 'asset', assetId: 'a1' }

  it('is an unknown variant that keeps the item whole, reported as unknown-variant', () => {
    expect({
      ...reading(ListFilesResult, [folder, asset]),
      is: ListFilesResult.is([folder, asset]),
    }).toStrictEqual({
      decoded: { _tag: 'Right', right: [folder, { type: 'unknown', raw: asset }] },
      findings: [
        {
          path: '[1].type',
          kind: 'unknown-variant',
          expected: "'file' | 'file-version' | 'folder'",
          got: 'asset',
        },
      ],
      is: false,
    })
    expect(FolderDetails.is(folder)).toBe(true)
  })

  it('reads an unknown variant already decoded as itself (decode is idempotent)', () => {
    const decoded = [folder, { type: 'unknown', raw: asset }]
    expect(reading(ListFilesResult, decoded)).toStrictEqual({
      decoded: { _tag: 'Right', right: decoded },
      findings: [],
    })
  })
})
