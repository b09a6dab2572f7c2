// The progress bar. Written here (about 40 lines) rather than taken from a library: the engine already computes
// what a bar shows (files, bytes, ETA, rate-limit waits), so the bar is one pure function from that snapshot to
// a line, plus a `\r` redraw throttled to 10 a second. cli-progress (last release 2023) and progress (2019) are
// not kept up, keep their own ETA from their own counters and bring a string-width dependency; log-update only
// redraws (it brings five dependencies) and the line would still be ours. See the README, "Progress bar".
import type { CliOutput } from './io'

/** What the bar shows: the bulk engine's progress, plus the number of files when it is known. */
export interface ProgressSnapshot {
  readonly done: number
  readonly failed: number
  readonly inFlight: number
  /** Absent when the work is not counted in bytes (tags, deletes): the rate is then in files a second. */
  readonly bytesDone?: number
  readonly bytesTotal?: number
  readonly elapsedMs: number
  readonly etaMs?: number
  readonly waitingForRateLimit: boolean
  readonly filesTotal?: number
}

/** `1234567` → `1.2 MB` (powers of 1000, as file managers show sizes). */
export const formatBytes = (n: number): string => {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let i = 0
  for (; n >= 1000 && i < units.length - 1; i++) n /= 1000
  return i === 0 ? `${n} B` : `${n.toFixed(1)} ${units[i]}`
}

/** Milliseconds → `m:ss` (or `h:mm:ss`). */
export const formatDuration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000))
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60]
  const pad = (x: number) => String(x).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`
}

const BAR_WIDTH = 20

/** One line for a terminal: bar (when the total is known), files, bytes, rate, ETA; cut to `columns - 1`. */
export const renderProgress = (p: ProgressSnapshot, columns = 80): string => {
  const settled = p.done + p.failed
  const bytes = p.bytesDone
  const fraction =
    p.filesTotal !== undefined && p.filesTotal > 0
      ? settled / p.filesTotal
      : bytes !== undefined && p.bytesTotal !== undefined && p.bytesTotal > 0
        ? bytes / p.bytesTotal
        : undefined
  const filled = fraction === undefined ? 0 : Math.round(Math.min(1, fraction) * BAR_WIDTH)
  const seconds = p.elapsedMs / 1000
  const parts = [
    ...(fraction === undefined ? [] : [`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`]),
    `${settled}${p.filesTotal === undefined ? '' : `/${p.filesTotal}`} files`,
    bytes === undefined
      ? ''
      : `${formatBytes(bytes)}${p.bytesTotal === undefined ? '' : `/${formatBytes(p.bytesTotal)}`}`,
    seconds <= 0
      ? ''
      : bytes === undefined
        ? `${(settled / seconds).toFixed(1)} files/s`
        : `${formatBytes(Math.round(bytes / seconds))}/s`,
    p.etaMs === undefined ? '' : `ETA ${formatDuration(p.etaMs)}`,
    p.failed > 0 ? `${p.failed} failed` : '',
    p.waitingForRateLimit ? 'paused: rate limit' : '',
  ]
  const line = parts.filter((x) => x !== '').join('  ')
  return line.length < columns ? line : line.slice(0, Math.max(0, columns - 1))
}

/** A bar redrawn in place on a terminal (at most every `intervalMs`); nothing at all on anything else. */
export interface ProgressView {
  readonly update: (p: ProgressSnapshot) => void
  /** Clears the bar's line so that a message can be printed; the next update draws it again. */
  readonly clear: () => void
  /** Draws `p` one last time and ends the line. */
  readonly end: (p: ProgressSnapshot) => void
}

/** The view for `out`: a redrawn bar on a terminal, silent otherwise. */
export const progressView = (out: CliOutput, now: () => number, intervalMs = 100): ProgressView => {
  let last = -Infinity
  let shown = false
  const draw = (p: ProgressSnapshot) => {
    out.write(`\r\x1b[K${renderProgress(p, out.columns ?? 80)}`)
    shown = true
  }
  return {
    update: (p) => {
      if (out.isTTY !== true || now() - last < intervalMs) return
      last = now()
      draw(p)
    },
    clear: () => {
      if (shown) out.write('\r\x1b[K')
      shown = false
      last = -Infinity
    },
    end: (p) => {
      if (out.isTTY !== true) return
      draw(p)
      out.write('\n')
      shown = false
    },
  }
}
