// The spec's webhooks section against our codecs: every documented example event, and events generated from each
// event's schema (every documented field present, every enum value used), read strictly with no drift.
import { describe, expect, it } from 'vitest'
import { matchWebhookEvent } from '@imagekit-fp/utils/webhook'
import type { Drift } from '@imagekit-fp/utils/codec'
import { knownWebhookEventTypes } from './model/knownWebhookEventTypes'
import { tagged } from './test-support/webhookEvents'
import { documentedEvents, loadSpec } from './test-support/webhookSpec'

const { spec, reason } = loadSpec()
if (reason !== undefined) console.warn(reason)
const documented = spec === undefined ? [] : documentedEvents(spec)
const examples = documented.flatMap((e) => e.examples.map(([name, value]) => [e.type, name, value] as const))
const generated = documented.flatMap((e) => e.generated.map((value, i) => [e.type, i, value] as const))

/** Reads `event` strictly: the handler called, the value it got, and the drifts heard. */
const readStrictly = (event: unknown) => {
  const heard: Drift[] = []
  const r = matchWebhookEvent(tagged, { strict: true, onDrift: (d) => void heard.push(d) })(event as never)
  return { handler: r[0], value: r[1], heard }
}

describe.skipIf(spec === undefined)("the spec's webhooks section", () => {
  it('documents exactly the event types the SDK knows', () => {
    expect(documented.map((e) => e.type).sort()).toStrictEqual([...knownWebhookEventTypes].sort())
  })

  it.skipIf(examples.length > 0)(
    'gives no example events today (the generated events below stand in)',
    () => {
      expect(examples).toStrictEqual([])
    },
  )

  it.runIf(examples.length > 0).each(examples)(
    'decodes the %s example %s strictly, with no drift',
    (type, _, event) => {
      expect(readStrictly(event)).toStrictEqual({ handler: type, value: event, heard: [] })
    },
  )

  it.each(generated)('decodes generated %s event #%i strictly, with no drift', (type, _, event) => {
    const r = readStrictly(event)
    expect(r).toStrictEqual({ handler: type, value: event, heard: [] })
    expect(r.value).toBe(event)
  })
})
