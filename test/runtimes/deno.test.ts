// Deno 2: the scenario run as a child process, prebundled and imported from node_modules (support/childRuntime.ts).
// Only loopback network permission is granted: the SDK needs no env, read or write permission.
import { DENO } from './support/harness'
import { childRuntimeSuite } from './support/childRuntime'

childRuntimeSuite({
  name: 'Deno',
  binary: DENO,
  args: (file, input) => ['run', '--no-prompt', '--allow-net=127.0.0.1', file, input],
})
