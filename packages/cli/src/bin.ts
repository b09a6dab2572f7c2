#!/usr/bin/env node
// The `imagekit-fp` executable: runCli with the process's arguments, environment and terminal. The first Ctrl-C
// aborts (an upload stops, cancels what is in flight and prints how to resume); a second one exits at once.
import { runCli } from './runCli'

const controller = new AbortController()
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130)
  controller.abort(new Error('interrupted (Ctrl-C)'))
})
void runCli(
  { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal },
  process.argv.slice(2),
).then((code) => {
  process.exitCode = code
})
