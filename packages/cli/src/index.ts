// @imagekit-fp/cli: the `imagekit-fp` command, and the function it runs. Named re-exports only.
export { runCli } from './runCli'
export type { CliIo, CliOutput } from './internal/io'
