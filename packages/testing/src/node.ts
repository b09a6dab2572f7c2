// Entry point `@imagekit-fp/testing/node`: the stand-in with a loopback server (imports `node:http`).
// Named re-exports only.
export { createImagekitStandIn } from './node/createImagekitStandIn'
export type { NodeStandIn } from './node/createImagekitStandIn'
export { listen } from './listen'
export type { ListeningStandIn } from './listen'
export type {
  StandIn,
  StandInOptions,
  StandInRequest,
  StandInFile,
  StandInOutcome,
  AddFileInput,
} from './createImagekitStandIn'
export type { Fault } from './internal/faults'
export type { RateLimit } from './internal/rateLimit'
