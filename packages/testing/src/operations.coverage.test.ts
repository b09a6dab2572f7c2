// Every media operation (the registry in @imagekit-fp/media/operations) has a route in the stand-in and a
// parity row: a declared operation without either fails here.
import { describe, expect, it } from 'vitest'
import { operations } from '@imagekit-fp/media/operations'
import { accountRoutes } from './internal/account'
import { fileRoutes } from './internal/files'
import { folderRoutes } from './internal/folders'
import { ROWS } from './test-support/parityRows'

const declared = Object.entries(operations).map(([id, op]) => [id, `${op.method} ${op.path}`] as const)

/** `METHOD /path/{}`: the query left out, each parameter (whatever its name) the same. */
const shape = (call: string): string => call.replace(/\?.*$/, '').replace(/\{\w+\}/g, '{}')

describe('every declared media operation', () => {
  it('has a stand-in route (same method and path template)', () => {
    const routes = new Set(
      [...accountRoutes, ...fileRoutes, ...folderRoutes].map(
        (r) => `${r.method} ${r.pattern.replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
    expect(declared.filter(([, call]) => !routes.has(call))).toStrictEqual([])
  })

  it('has a parity row', () => {
    const rows = new Set(ROWS.map((r) => shape(`${r.method} ${r.path}`)))
    expect(declared.filter(([, call]) => !rows.has(shape(call)))).toStrictEqual([])
  })
})
