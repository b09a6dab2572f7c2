// Bun 1.4: the scenario run as a child process, prebundled and imported from node_modules (support/childRuntime.ts).
import { BUN } from './support/harness'
import { childRuntimeSuite } from './support/childRuntime'

childRuntimeSuite({ name: 'Bun', binary: BUN, args: (file, input) => [file, input] })
