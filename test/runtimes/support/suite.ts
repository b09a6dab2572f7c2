// The comparison every runtime file defines: each case against the Node reference (exact), plus the runtime's
// own HMAC path and onProgress behaviour, asserted as documented or as measured (pinned differences).
import { expect, it } from 'vitest'
import {
  CASE_NAMES,
  PROGRESS_CASES,
  UPLOAD_TIMEOUT_MS,
  WIRE_CASES,
  type CaseName,
  type Wire,
  type WireCase,
} from './harness'
import type { BodyCounts } from '../../support/countingServer'
import type { RuntimeInfo, ScenarioResult } from './scenario'

/** A finished run, or why the runtime could not run (its tests then skip with that reason). */
export type RunState =
  | {
      readonly ok: true
      readonly node: ScenarioResult
      readonly result: ScenarioResult
      /** What the counting server saw of this run's abort and timeout uploads. */
      readonly wire: Wire
    }
  | { readonly ok: false; readonly reason: string }

export interface Expectations {
  /** The runtime's self-report (nodeCryptoRequests is checked as "more than 0" or "0" from hmacPath). */
  readonly info: Omit<RuntimeInfo, 'nodeCryptoRequests'>
  /** Cases whose result differs from Node's, with the exact value this runtime gives and why. */
  readonly differences?: Partial<Record<CaseName, { readonly why: string; readonly value: unknown }>>
  /**
   * Is `onProgress` called for the uploads (when they succeed in reaching the body)? `true` for all of them,
   * `false` for none, or the list of the uploads for which it is.
   */
  readonly progressCalled: boolean | readonly (typeof PROGRESS_CASES)[number][]
  /** Why, when that is not what the README promises. */
  readonly progressWhy?: string
}

/**
 * Defines one `it` per case plus the info and progress checks.
 *
 * @param label - runtime and mode, first word of every test title
 * @param state - the run, read when the tests execute (filled by `beforeAll`)
 * @param expected - what this runtime does differently from Node
 */
export const compareWithNode = (
  label: string,
  state: () => RunState | undefined,
  expected: Expectations,
): void => {
  const run = (
    skip: (note: string) => never,
  ): { node: ScenarioResult; result: ScenarioResult; wire: Wire } => {
    const s = state()
    if (s === undefined) throw new Error(`${label}: the run did not happen (see the beforeAll error)`)
    if (!s.ok) return skip(`${label} unavailable: ${s.reason}`)
    return s
  }

  it(`${label}: reports exactly the scenario's cases`, ({ skip }) => {
    const { result } = run(skip)
    expect(Object.keys(result.cases)).toStrictEqual([...CASE_NAMES])
  })

  for (const name of CASE_NAMES) {
    const difference = expected.differences?.[name]
    const title = difference
      ? `${label}: ${name} differs from Node: ${difference.why}`
      : `${label}: ${name} equals Node`
    it(title, ({ skip }) => {
      const { node, result } = run(skip)
      expect(result.cases[name]).toStrictEqual(difference ? difference.value : node.cases[name])
    })
  }

  // Issue 7: an abort or a timeout stops the bytes on the wire (the server received no body whole). The abort
  // waits until the body is under way, so its POST always arrived; each timed-out attempt times out whether or
  // not its POST got there first (a loaded machine may be slower than the timeout), so only "at most one retry"
  // holds for the count of POSTs.
  const stopped: Readonly<
    Record<
      WireCase,
      { readonly title: string; readonly seen: (w: BodyCounts) => object; readonly expected: object }
    >
  > = {
    'upload aborted while its large Blob body is under way': {
      title: 'one POST arrived, aborted once its body was under way: Left Aborted, no body received whole',
      seen: (w) => w,
      expected: { started: 1, completed: 0, left: 'Aborted' },
    },
    'upload timed out in a large Blob body, retried once': {
      title: `at most two POSTs (timeout ${UPLOAD_TIMEOUT_MS} ms, retryUploads, one retry): Left Timeout, no body received whole`,
      seen: (w) => ({ atMostTwoPosts: w.started <= 2, completed: w.completed }),
      expected: { atMostTwoPosts: true, completed: 0, left: 'Timeout' },
    },
  }
  for (const name of Object.keys(WIRE_CASES) as WireCase[]) {
    it(`${label}: ${name} stops on the wire: ${stopped[name].title}`, ({ skip }) => {
      const { result, wire } = run(skip)
      const value = result.cases[name] as { left?: { reason?: unknown } }
      expect({ ...stopped[name].seen(wire[name]), left: value.left?.reason }).toStrictEqual(
        stopped[name].expected,
      )
    })
  }

  it(`${label}: HMAC runs through ${expected.info.hmacPath} (process ${expected.info.typeofProcess}, getBuiltinModule ${String(expected.info.getBuiltinModule)})`, ({
    skip,
  }) => {
    const { result } = run(skip)
    expect(result.info).toStrictEqual({
      ...expected.info,
      nodeCryptoRequests: expected.info.hmacPath === 'node:crypto' ? expect.any(Number) : 0,
    })
    if (expected.info.hmacPath === 'node:crypto') expect(result.info.nodeCryptoRequests).toBeGreaterThan(0)
  })

  const calledFor = (name: (typeof PROGRESS_CASES)[number]): boolean =>
    typeof expected.progressCalled === 'boolean'
      ? expected.progressCalled
      : expected.progressCalled.includes(name)
  const how =
    expected.progressCalled === true
      ? 'called, ending at the same byte count as Node'
      : expected.progressCalled === false
        ? 'never called'
        : `called only for ${expected.progressCalled.join(', ')} (ending as in Node)`
  it(`${label}: onProgress is ${how}${expected.progressWhy === undefined ? '' : `: ${expected.progressWhy}`}`, ({
    skip,
  }) => {
    const { node, result } = run(skip)
    expect(Object.keys(result.progress)).toStrictEqual([...PROGRESS_CASES])
    for (const name of PROGRESS_CASES) {
      const p = result.progress[name]!
      if (calledFor(name)) {
        expect(p.called && p.consistent, name).toBe(true)
        expect(p.last, name).toStrictEqual(node.progress[name]!.last)
      } else expect(p, name).toStrictEqual({ called: false, calls: 0, last: null, consistent: true })
    }
  })
}
