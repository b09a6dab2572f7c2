import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration, progressView, renderProgress, type ProgressSnapshot } from './progress'

const p = (over: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  done: 0,
  failed: 0,
  inFlight: 0,
  bytesDone: 0,
  elapsedMs: 0,
  waitingForRateLimit: false,
  ...over,
})

describe('formatBytes / formatDuration', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [1_234_567, '1.2 MB'],
    [5_000_000_000, '5.0 GB'],
  ])('formatBytes(%d) is %s', (n, s) => expect(formatBytes(n)).toBe(s))
  it.each([
    [0, '0:00'],
    [59_400, '0:59'],
    [61_000, '1:01'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('formatDuration(%d) is %s', (ms, s) => expect(formatDuration(ms)).toBe(s))
})

describe('renderProgress', () => {
  it.each([
    [p(), '0 files  0 B'],
    [
      p({
        done: 75,
        filesTotal: 300,
        bytesDone: 750_000,
        bytesTotal: 3_000_000,
        elapsedMs: 5000,
        etaMs: 15_000,
      }),
      '[#####---------------]  75/300 files  750.0 kB/3.0 MB  150.0 kB/s  ETA 0:15',
    ],
    [
      p({ done: 10, failed: 2, bytesDone: 1200, elapsedMs: 2000, waitingForRateLimit: true }),
      '12 files  1.2 kB  600 B/s  2 failed  paused: rate limit',
    ],
    [
      p({ done: 3, bytesDone: 30, bytesTotal: 60, elapsedMs: 1000 }),
      '[##########----------]  3 files  30 B/60 B  30 B/s',
    ],
    [
      p({ done: 300, filesTotal: 300, bytesDone: 9, elapsedMs: 1000, etaMs: 0 }),
      '[####################]  300/300 files  9 B  9 B/s  ETA 0:00',
    ],
  ])('renders %#', (snapshot, line) => expect(renderProgress(snapshot)).toBe(line))

  it('cuts the line to one less than the terminal width', () => {
    const line = renderProgress(p({ done: 75, filesTotal: 300, bytesDone: 750_000, elapsedMs: 5000 }), 20)
    expect(line).toBe('[#####-------------')
    expect(line.length).toBe(19)
  })
})

describe('progressView', () => {
  /** A fake source: snapshots at given times, drawn through a view on a fake terminal. */
  const drive = (tty: boolean, times: readonly number[]) => {
    let t = 0
    const writes: string[] = []
    const view = progressView({ write: (s: string) => writes.push(s), isTTY: tty, columns: 80 }, () => t)
    times.forEach((at, i) => {
      t = at
      view.update(p({ done: i + 1, elapsedMs: at }))
    })
    return { view, writes }
  }

  it('redraws the line in place at most every 100 ms on a terminal', () => {
    const { writes } = drive(true, [0, 50, 99, 100, 150, 250])
    expect(writes).toStrictEqual([
      '\r\x1b[K1 files  0 B',
      '\r\x1b[K4 files  0 B  0 B/s',
      '\r\x1b[K6 files  0 B  0 B/s',
    ])
  })

  it('writes nothing when the output is not a terminal', () => {
    const { view, writes } = drive(false, [0, 200, 400])
    view.clear()
    view.end(p())
    expect(writes).toStrictEqual([])
  })

  it('clears the bar before a message and draws the final state on end', () => {
    const { view, writes } = drive(true, [0])
    view.clear()
    view.end(p({ done: 2 }))
    expect(writes).toStrictEqual(['\r\x1b[K1 files  0 B', '\r\x1b[K', '\r\x1b[K2 files  0 B', '\n'])
  })
})
