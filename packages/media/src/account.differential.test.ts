// Differential: the account operations (usage, usage analytics, origins, URL endpoints) send what
// @imagekit/nodejs 7 sends for the same input. getUsageAnalytics is not in the spec file: this test is its
// reference for the request.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validationError } from '@imagekit-fp/utils'
import {
  createOrigin,
  createUrlEndpoint,
  deleteOrigin,
  deleteUrlEndpoint,
  getOrigin,
  getUrlEndpoint,
  getUsage,
  getUsageAnalytics,
  listOrigins,
  listUrlEndpoints,
  updateOrigin,
  updateUrlEndpoint,
} from '@imagekit-fp/media'
import { anyId, anyOrigin, anyPeriod, anyUrlEndpoint } from './test-support/arbitraries'
import { both } from './test-support/differential'
import { same } from './test-support/same'

const byId = (
  ours: (id: string) => Parameters<typeof both>[0],
  theirs: (id: string) => Parameters<typeof both>[1],
) =>
  fc.assert(
    fc.asyncProperty(anyId, (id) => same(both(ours(id), theirs(id)))),
    { numRuns: 20 },
  )

describe('account: same request as @imagekit/nodejs 7', () => {
  it('getUsage', async () => {
    await fc.assert(
      fc.asyncProperty(anyPeriod(1), (q) =>
        same(
          both(
            (c) => getUsage(c, q),
            (n) => n.accounts.usage.get(q),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })

  it('getUsageAnalytics', async () => {
    await fc.assert(
      fc.asyncProperty(anyPeriod(0), (q) =>
        same(
          both(
            (c) => getUsageAnalytics(c, q),
            (n) => n.accounts.usageAnalytics.get(q),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })

  it('listOrigins', () =>
    same(
      both(
        (c) => listOrigins(c),
        (n) => n.accounts.origins.list(),
      ),
    ))

  it('createOrigin, every origin type', async () => {
    await fc.assert(
      fc.asyncProperty(anyOrigin, (o) =>
        same(
          both(
            (c) => createOrigin(c, o),
            (n) => n.accounts.origins.create(o),
          ),
        ),
      ),
      { numRuns: 100 },
    )
  })

  it('getOrigin', () =>
    byId(
      (id) => (c) => getOrigin(c, { id }),
      (id) => (n) => n.accounts.origins.get(id),
    ))

  it('updateOrigin, every origin type', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, anyOrigin, (id, o) =>
        same(
          both(
            (c) => updateOrigin(c, { id, ...o }),
            (n) => n.accounts.origins.update(id, o),
          ),
        ),
      ),
      { numRuns: 60 },
    )
  })

  it('deleteOrigin', () =>
    byId(
      (id) => (c) => deleteOrigin(c, { id }),
      (id) => (n) => n.accounts.origins.delete(id),
    ))

  it('listUrlEndpoints', () =>
    same(
      both(
        (c) => listUrlEndpoints(c),
        (n) => n.accounts.urlEndpoints.list(),
      ),
    ))

  it('createUrlEndpoint, with every urlRewriter', async () => {
    await fc.assert(
      fc.asyncProperty(anyUrlEndpoint, (e) =>
        same(
          both(
            (c) => createUrlEndpoint(c, e),
            (n) => n.accounts.urlEndpoints.create(e),
          ),
        ),
      ),
      { numRuns: 50 },
    )
  })

  it('getUrlEndpoint', () =>
    byId(
      (id) => (c) => getUrlEndpoint(c, { id }),
      (id) => (n) => n.accounts.urlEndpoints.get(id),
    ))

  it('updateUrlEndpoint', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, anyUrlEndpoint, (id, e) =>
        same(
          both(
            (c) => updateUrlEndpoint(c, { id, ...e }),
            (n) => n.accounts.urlEndpoints.update(id, e),
          ),
        ),
      ),
      { numRuns: 40 },
    )
  })

  it('deleteUrlEndpoint', () =>
    byId(
      (id) => (c) => deleteUrlEndpoint(c, { id }),
      (id) => (n) => n.accounts.urlEndpoints.delete(id),
    ))
})

describe('account: deliberate differences from @imagekit/nodejs 7', () => {
  it('a usage period of 90 days: nodejs sends it, we refuse it (the API allows less than 90)', async () => {
    const q = { startDate: '2026-01-01', endDate: '2026-04-01' }
    const { ours, theirs, result } = await both(
      (c) => getUsage(c, q),
      (n) => n.accounts.usage.get(q),
    )
    expect([ours, theirs.length, result]).toStrictEqual([
      [],
      1,
      { _tag: 'Left', left: validationError('input.endDate', 'must be less than 90 days after startDate') },
    ])
  })

  it('an S3 origin with an IAM role and keys: nodejs sends the keys, we refuse them (the spec asks for "")', async () => {
    const o = {
      type: 'S3',
      name: 'S3',
      bucket: 'b',
      useIAMRole: true,
      accessKey: 'AKIA',
      secretKey: 's',
    } as const
    const { ours, theirs, result } = await both(
      (c) => createOrigin(c, o),
      (n) => n.accounts.origins.create(o),
    )
    expect([ours, theirs.length, result]).toStrictEqual([
      [],
      1,
      { _tag: 'Left', left: validationError('input.accessKey', "must be '' when useIAMRole is true") },
    ])
  })
})
