// The stand-in's router is built from the declared operations (the media registry in @imagekit-fp/media/operations
// and the uploads beside it): every declaration has a handler, every handler a declaration, and every declared
// operation a parity row (each row is keyed by its operationId, and the router must find that operation at the
// row's path). A declared operation without any of these, or a handler or row left over, fails here.
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

  it('has a parity row, and every row an operation (the router finds it at the row path)', () => {
    const find = router(routesOf(DECLARED, HANDLERS))
    const covered = new Set<string>(ROWS.map((r) => r.operation))
    expect({
      withoutRow: ids.filter((id) => !covered.has(id)),
      rowsRoutedElsewhere: ROWS.filter(
        (r) => find(r.method, r.path.replace(/\?.*$/, ''))?.route.operation !== r.operation,
      ).map((r) => r.name),
    }).toStrictEqual({ withoutRow: [], rowsRoutedElsewhere: [] })
  })
})
