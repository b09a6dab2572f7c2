// A real terminal for the end-to-end tests: a detached tmux session running one command (tests only).
import { spawnSync } from 'node:child_process'

/** tmux is installed (the tests that need it skip otherwise, saying so). */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0

const tmux = (...args: string[]): string => {
  const r = spawnSync('tmux', args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`)
  return r.stdout
}

/** A session running `command` in a `columns`×`rows` terminal with `env` added; it stays open after the command. */
export interface Session {
  /** The screen as a person sees it now (wrapped lines joined, trailing blank lines dropped). */
  readonly capture: () => string
  readonly sendKeys: (...keys: string[]) => void
  /** Polls the screen until `test` holds (every 100 ms, at most `timeoutMs`); returns that screen. */
  readonly waitFor: (test: (screen: string) => boolean, timeoutMs?: number) => Promise<string>
  readonly kill: () => void
}

/** Starts a detached session named `name` (killed first if a previous run left it). */
export const startSession = (
  name: string,
  command: string,
  env: Readonly<Record<string, string>>,
  columns = 120,
  rows = 20,
): Session => {
  spawnSync('tmux', ['kill-session', '-t', name])
  const vars = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`])
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), ...vars, command)
  const capture = () => tmux('capture-pane', '-p', '-J', '-t', name).replace(/\n+$/, '\n')
  return {
    capture,
    sendKeys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    waitFor: async (test, timeoutMs = 60_000) => {
      const until = Date.now() + timeoutMs
      for (;;) {
        const screen = capture()
        if (test(screen)) return screen
        if (Date.now() > until) throw new Error(`timed out waiting; the screen was:\n${screen}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    kill: () => void spawnSync('tmux', ['kill-session', '-t', name]),
  }
}
