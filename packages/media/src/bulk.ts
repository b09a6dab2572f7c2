// @imagekit-fp/media/bulk: acting on every file a search matches, on the bulk engine (gate, concurrency,
// progress, abort). A subpath of its own, so that the root entry (and `export *` of it) carries no bulk engine.
// Named re-exports only.
export { addTagsToMatching } from './addTagsToMatching'
export { removeTagsFromMatching } from './removeTagsFromMatching'
export { deleteMatching } from './deleteMatching'
export { purgeMatching } from './purgeMatching'
export { updateMatching } from './updateMatching'
export type {
  MatchedFile,
  MatchingOptions,
  MatchingOutcome,
  MatchingProgress,
  MatchingQuery,
  MatchingReport,
} from './model/Matching'
