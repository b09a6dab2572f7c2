// TODO(lead): switch to '@imagekit-fp/internal' (http/request.ts and http/internal/plan.ts still import this path).
export { left, right } from '@imagekit-fp/internal'
