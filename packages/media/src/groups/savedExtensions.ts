// `@imagekit-fp/media/savedExtensions`: the saved extensions (a namespace import, see ./files.ts).
export { listSavedExtensions } from '../listSavedExtensions'
export { getSavedExtension } from '../getSavedExtension'
export { createSavedExtension } from '../createSavedExtension'
export { updateSavedExtension } from '../updateSavedExtension'
export { deleteSavedExtension } from '../deleteSavedExtension'
