export { createImagekitStandIn } from './createImagekitStandIn'
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
