import { need } from './fail'
import { isArray } from './prop'
import {
  array,
  boolean,
  fields,
  httpUrl,
  integer,
  nonEmptyString,
  oneOf,
  onlyKeys,
  optional,
  picked,
  record,
  scalar,
  string,
  text,
  type Check,
} from './check'

// The upload field table: every optional upload parameter, in wire order, with its check and its form encoding.
// `upload`, `uploadV2` and `getUploadToken` all read it, so what a token signs is what an upload sends. Its rows
// are typed against upload's `UploadOptions` and utils' `GetUploadTokenOptions` where those types live.

/** Checks one upload field and encodes it as its form value. */
export type Encode = Check<string>

/** The upload's `fileName`: any string but the empty one. */
export const fileName: Check<string> = /*#__PURE__*/ text(1)

const flag: Encode = (u, path) => String(boolean(u, path))
const anything: Check<unknown> = (u) => u
const count = /*#__PURE__*/ integer(0)

const list =
  <A extends string>(item: Check<A>): Encode =>
  (u, path) =>
    array(item)(u, path).join(',')

const EXTENSIONS = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
  'saved-extension',
] as const
const POST = ['transformation', 'gif-to-video', 'thumbnail', 'abs'] as const

/** A `select_tags` vocabulary: 1 to 30 tags without `%`, together at most 500 characters. */
const tagVocabulary: Check<string[]> = (u, path) => {
  const words = array(text(1, Infinity, [/^[^%]*$/, 'must not contain %']), 1, 30)(u, path)
  need(words.join('').length <= 500, path, 'must have at most 500 characters in all')
  return words
}

const tagList = /*#__PURE__*/ optional(/*#__PURE__*/ array(nonEmptyString))

/** What a `yes_no` task does on an answer: tags to add or remove, metadata to set or unset. */
const action = /*#__PURE__*/ picked((act) => {
  for (const key of ['add_tags', 'remove_tags']) act(key, tagList)
  act(
    'set_metadata',
    optional(
      array(
        picked((entry) => {
          entry('field', nonEmptyString)
          entry('value', (u, path) => (isArray(u) ? array(scalar) : scalar)(u, path))
        }),
      ),
    ),
  )
  act('unset_metadata', optional(array(picked((entry) => entry('field', nonEmptyString)))))
})

/** An `ai-tasks` task: the fields its `type` reads, checked as the reference defines them. */
const task = /*#__PURE__*/ picked((field) => {
  const type = field('type', oneOf(['select_tags', 'select_metadata', 'yes_no']))
  field('instruction', text(1, 2000))
  if (type === 'yes_no') {
    for (const answer of ['on_yes', 'on_no', 'on_unknown']) field(answer, optional(action))
    return
  }
  if (type === 'select_metadata') field('field', nonEmptyString)
  field('vocabulary', optional(type === 'select_tags' ? tagVocabulary : array(scalar, 1, 30)))
  const min = field('min_selections', optional(count)) ?? 0
  field('max_selections', (u, path) => {
    const max = optional(integer(1))(u, path)
    need((max ?? min) >= min, path, 'must not be less than min_selections')
    return max
  })
})

/** The options of `remove-bg`: `bg_color` and `bg_image_url` (an absolute URL) exclude each other. */
const removeBg = /*#__PURE__*/ picked((option, path) => {
  for (const key of ['add_shadow', 'semitransparency']) option(key, optional(boolean))
  const color = option('bg_color', optional(text(1)))
  const image = option('bg_image_url', optional(httpUrl))
  need(!color || !image, `${path}.bg_image_url`, 'must not be set together with bg_color')
})

/** The check of one extension whose `name` is one of `names`. */
const extensionOf = (names: readonly string[]): Check<object> =>
  picked((field) => {
    const name = field('name', oneOf(names))
    if (name === 'remove-bg') field('options', optional(removeBg))
    if (name.endsWith('auto-tagging')) {
      field('minConfidence', integer(0, 100))
      field('maxTags', count)
    }
    if (name === 'ai-tasks') field('tasks', array(task, 1, 10))
    if (name === 'saved-extension') field('id', nonEmptyString)
  })

/**
 * One extension (upload's `extensions`, updateFileDetails' `extensions`), as ImageKit's API reference defines it:
 * its `name` is known and its fields are checked in the reference's order (`minConfidence`, then `maxTags`). What
 * is sent is rebuilt from the checked fields (each read once), in the caller's key order; other keys are left out.
 */
export const extension: Check<object> = /*#__PURE__*/ extensionOf(EXTENSIONS)

/**
 * A saved extension's `config` (the reference's `ExtensionConfig`): {@link extension}'s check, except that it may
 * not name another saved extension.
 */
export const extensionConfig: Check<object> = /*#__PURE__*/ extensionOf(/*#__PURE__*/ EXTENSIONS.slice(0, -1))

/** A post-upload step, rebuilt with its known keys in a fixed order (JSON leaves the undefined ones out). */
const step: Check<object> = (u, path) => {
  const field = fields(u, path)
  const type = field('type', oneOf(POST))
  const abs = type === 'abs'
  onlyKeys(u as object, abs ? ['type', 'value', 'protocol'] : ['type', 'value'], path)
  // `gif-to-video` and `thumbnail` may leave the value out; `transformation` and `abs` need one.
  const value = field('value', abs || type === POST[0] ? nonEmptyString : optional(nonEmptyString))
  return { type, value, protocol: abs ? field('protocol', oneOf(['hls', 'dash'])) : undefined }
}

const transformation: Encode = (u, path) => {
  const field = fields(u, path)
  onlyKeys(u as object, ['pre', 'post'], path)
  const pre = field('pre', anything)
  const post = field('post', anything)
  need(pre !== undefined || post !== undefined, path, 'must have pre, post or both')
  const checked = {
    pre: optional(nonEmptyString)(pre, `${path}.pre`),
    post: optional(array(step))(post, `${path}.post`),
  }
  return JSON.stringify(checked) // built here from checked values: no copy needed
}

/**
 * Every optional upload field, in wire order, with its check and encoding (booleans `"true"`/`"false"`, lists
 * comma-joined, objects as JSON).
 */
export const UPLOAD_FIELDS = {
  useUniqueFileName: flag,
  tags: /*#__PURE__*/ list(/*#__PURE__*/ text(1, Infinity, [/^[^,%]*$/, 'must not contain a comma or %'])),
  folder: string,
  isPrivateFile: flag,
  isPublished: flag,
  customCoordinates: /*#__PURE__*/ text(0, Infinity, [/^\d+,\d+,\d+,\d+$/, 'must be "x,y,width,height"']),
  responseFields: /*#__PURE__*/ list(
    /*#__PURE__*/ oneOf([
      'tags',
      'customCoordinates',
      'isPrivateFile',
      'embeddedMetadata',
      'isPublished',
      'customMetadata',
      'metadata',
      'selectedFieldsSchema',
    ]),
  ),
  extensions: (u, path) => JSON.stringify(array(extension)(u, path)),
  webhookUrl: httpUrl,
  overwriteFile: flag,
  overwriteAITags: flag,
  overwriteTags: flag,
  overwriteCustomMetadata: flag,
  customMetadata: (u, path) => JSON.stringify(record(u, path)),
  transformation,
  checks: string,
  description: string,
} satisfies Record<string, Encode>
