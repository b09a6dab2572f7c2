// The codec toolkit media's models are built with: one copy, in `@imagekit-fp/utils/codec`.
export { Empty, nullable } from '@imagekit-fp/utils/codec'
