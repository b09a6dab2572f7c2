// Purge requests: a purge answers `Pending` for the stand-in's `pendingReads` status reads, then `Completed`.
import * as t from 'io-ts'
import { type Handlers } from './context'
import { fail, ok } from './reply'
import { decoded, uri } from './validate'
const Purge = t.type({ url: uri })

/** The purge handlers, by operationId. */
export const purgeHandlers = {
  'purge-cache': decoded(Purge, (ctx, b) => {
    const endpoint = new URL(ctx.urlEndpoint)
    if (new URL(b.url).host !== endpoint.host)
      return fail(400, 'Your request contains invalid url parameter: it is not under your URL endpoint.')
    const requestId = ctx.state.ids.objectId()
    ctx.state.purges.set(requestId, ctx.pendingReads)
    return ok({ requestId }, 201)
  }),
  'purge-status': (ctx) => {
    const id = ctx.params.requestId ?? ''
    const left = ctx.state.purges.get(id)
    if (left === undefined) return fail(400, 'Your request contains invalid requestId parameter.')
    if (left > 0) ctx.state.purges.set(id, left - 1)
    return ok({ status: left > 0 ? 'Pending' : 'Completed' })
  },
} satisfies Handlers
