// The stand-in's router is built from the declared operations (the media registry in @imagekit-fp/media/operations
// and the uploads beside it): every declaration has a handler, every handler a declaration, and every declared
// operation a parity row (a row's operation is the one the router finds for it). A declared operation without
// any of these, or a handler or row left over, fails here.
import { describe, expect, it } from 'vitest'
import { DECLARED, HANDLERS, routesOf, router } from './internal/routes'
import { ROWS } from './test-support/parityRows'

const ids = DECLARED.map((d) => d.operationId)
const handled: readonly string[] = Object.keys(HANDLERS)

/** `METHOD /path/{}`: the query left out, each parameter (whatever its name) the same. */
const shape = (call: string): string => call.replace(/\?.*$/, '').replace(/\{\w+\}/g, '{}')

describe('every declared operation', () => {
  it('has a stand-in handler, and every handler a declaration', () => {
    expect({
      withoutHandler: ids.filter((id) => !handled.includes(id)),
      withoutDeclaration: handled.filter((id) => !ids.includes(id)),
    }).toStrictEqual({ withoutHandler: [], withoutDeclaration: [] })
  })

  it('has its own operationId, and its own method and path template', () => {
    const calls = DECLARED.map((d) => shape(`${d.method} ${d.path}`))
    expect({
      ids: ids.filter((id, i) => ids.indexOf(id) !== i),
      calls: calls.filter((c, i) => calls.indexOf(c) !== i),
    }).toStrictEqual({ ids: [], calls: [] })
  })

  it('has a parity row, and every row an operation (found by the router)', () => {
    const find = router(routesOf(DECLARED, HANDLERS))
    const rows = ROWS.map(
      (r) => [r.name, find(r.method, r.path.replace(/\?.*$/, ''))?.route.operation] as const,
    )
    const covered = new Set(rows.map(([, id]) => id))
    expect({
      withoutRow: ids.filter((id) => !covered.has(id)),
      rowsWithoutOperation: rows.filter(([, id]) => id === undefined).map(([name]) => name),
    }).toStrictEqual({ withoutRow: [], rowsWithoutOperation: [] })
  })
})
