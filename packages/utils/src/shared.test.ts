import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as shared from './shared'

// upload and media are built with `@imagekit-fp/internal` rewritten to `@imagekit-fp/utils/shared` (an external
// import the build cannot check): every value they import from internal must be exported here, or their dist breaks.
const sources = (dir: URL): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.test-d.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))

const importedValues = (code: string): string[] =>
  [...code.matchAll(/import \{([^}]*)\} from '@imagekit-fp\/internal'/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0]!),
  )

describe('@imagekit-fp/utils/shared', () => {
  it('exports every internal value that upload and media import', () => {
    const used = new Set(
      ['../../upload/src/', '../../media/src/']
        .flatMap((d) => sources(new URL(d, import.meta.url)))
        .flatMap(importedValues),
    )
    expect(used.size).toBeGreaterThan(20)
    expect([...used].filter((n) => !(n in shared)).sort()).toStrictEqual([])
  })
})
