import { packageConfig } from '../../rollup.config.mjs'

// Two entries: `index` (the `runCli` function, for tests and for tools that embed the command) and `bin` (the
// `imagekit-fp` executable: reads process.argv/env, wires Ctrl-C to an AbortSignal, sets the exit code).
export default packageConfig(import.meta.dirname, { index: 'src/index.ts', bin: 'src/bin.ts' })
