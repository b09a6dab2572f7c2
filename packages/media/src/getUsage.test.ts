import { describe, expect, it } from 'vitest'
import { GetUsageAnalyticsResult, getUsage, getUsageAnalytics } from '@imagekit-fp/media'
import { decodeError } from '@imagekit-fp/utils'
import type { Drift } from '@imagekit-fp/utils/codec'
import { refuses, type Refused } from './test-support/refuses'
import { ANALYTICS, USAGE } from './test-support/replies'
import { json, KEY, stubFetch, type DriftConfig } from './test-support/stub'

/** The refused periods of both functions; `order` is what each says of an end before the start. */
const dates = (order: string): readonly Refused[] => [
  ['no startDate', { endDate: '2026-01-02' }, 'input.startDate', 'is required'],
  ['no endDate', { startDate: '2026-01-02' }, 'input.endDate', 'is required'],
  [
    'a date with a time',
    { startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-02' },
    'input.startDate',
    'must be a date YYYY-MM-DD',
  ],
  [
    'a day that does not exist',
    { startDate: '2026-02-29', endDate: '2026-03-02' },
    'input.startDate',
    'must be a date YYYY-MM-DD',
  ],
  [
    'a month 13',
    { startDate: '2026-01-01', endDate: '2026-13-01' },
    'input.endDate',
    'must be a date YYYY-MM-DD',
  ],
  ['a Date object', { startDate: new Date(0), endDate: '2026-01-02' }, 'input.startDate', 'must be a string'],
  ['an end before the start', { startDate: '2026-01-02', endDate: '2026-01-01' }, 'input.endDate', order],
  [
    '90 days',
    { startDate: '2026-01-01', endDate: '2026-04-01' },
    'input.endDate',
    'must be less than 90 days after startDate',
  ],
]

describe('getUsage', () => {
  it('sends both dates and accepts 89 days (startDate included, endDate excluded)', async () => {
    const stub = stubFetch(() => json(USAGE))
    const result = await getUsage(
      { privateKey: KEY, fetch: stub.fetch },
      { startDate: '2024-01-01', endDate: '2024-03-30' },
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: USAGE })
    expect(stub.calls.map((c) => [c.path, c.query])).toStrictEqual([
      [
        '/v1/accounts/usage',
        [
          ['startDate', '2024-01-01'],
          ['endDate', '2024-03-30'],
        ],
      ],
    ])
  })

  refuses(getUsage, [
    ...dates('must be after startDate'),
    [
      'the same day (endDate is excluded)',
      { startDate: '2026-01-01', endDate: '2026-01-01' },
      'input.endDate',
      'must be after startDate',
    ],
  ])
})

describe('getUsageAnalytics', () => {
  it('accepts a single day (both dates are included)', async () => {
    const stub = stubFetch(() => json(ANALYTICS))
    const result = await getUsageAnalytics(
      { privateKey: KEY, fetch: stub.fetch },
      { startDate: '2026-01-31', endDate: '2026-01-31' },
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: ANALYTICS })
  })

  it('reads a reply without a documented field: reported (lax), a DecodeError naming it (strict)', async () => {
    const partial: Partial<typeof ANALYTICS> = { ...ANALYTICS }
    delete partial.videoProcessing
    const heard: Drift[] = []
    const period = { startDate: '2026-01-01', endDate: '2026-01-02' }
    const lax = stubFetch(() => json(partial, 200, { 'x-request-id': 'req-9' }))
    const laxConfig: DriftConfig = { privateKey: KEY, fetch: lax.fetch, onDrift: (d) => heard.push(d) }
    expect(await getUsageAnalytics(laxConfig, period)()).toStrictEqual({ _tag: 'Right', right: partial })
    expect(heard).toStrictEqual([
      {
        operation: 'GET /v1/accounts/usage-analytics',
        path: 'videoProcessing',
        kind: 'missing',
        expected: 'Array<VideoProcessing>',
        got: undefined,
        requestId: 'req-9',
      },
    ])
    const strict = stubFetch(() => json(partial))
    const strictConfig: DriftConfig = { privateKey: KEY, fetch: strict.fetch, strictResponses: true }
    expect(await getUsageAnalytics(strictConfig, period)()).toStrictEqual({
      _tag: 'Left',
      left: decodeError(
        [
          {
            value: undefined,
            context: [
              { key: '', type: GetUsageAnalyticsResult, actual: partial },
              { key: 'videoProcessing', type: GetUsageAnalyticsResult, actual: undefined },
            ],
            message: 'expected Array<VideoProcessing>, got undefined (missing)',
          },
        ],
        'the response to GET https://api.imagekit.io/v1/accounts/usage-analytics?startDate=2026-01-01&endDate=2026-01-02 does not match GetUsageAnalyticsResult (strictResponses): videoProcessing: expected Array<VideoProcessing>, got undefined (missing)',
        partial,
      ),
    })
  })

  refuses(getUsageAnalytics, dates('must not be before startDate'))
})
