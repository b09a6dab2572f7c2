import { need } from './fail'
import { isRecord } from './prop'
import { jsonCopy } from './json'
import {
  array,
  boolean,
  fields,
  httpUrl,
  integer,
  nonEmptyString,
  object,
  oneOf,
  onlyKeys,
  optional,
  record,
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

/** An `ai-tasks` task: the fields its `type` needs (deeper values are left to ImageKit). */
const task = /*#__PURE__*/ object((field) => {
  const type = field('type', oneOf(['select_tags', 'select_metadata', 'yes_no']))
  field('instruction', text(1, 2000))
  if (type === 'yes_no') {
    for (const answer of ['on_yes', 'on_no', 'on_unknown'])
      field(
        answer,
        optional(
          object((action) => {
            for (const key of ['add_tags', 'remove_tags', 'set_metadata', 'unset_metadata'])
              action(key, optional(array(anything)))
          }),
        ),
      )
    return
  }
  if (type === 'select_metadata') field('field', nonEmptyString)
  field('vocabulary', optional(array(anything)))
  field('min_selections', optional(count))
  field('max_selections', optional(count))
})

/** The options of `remove-bg`: `bg_color` and `bg_image_url` exclude each other. */
const removeBg: Check<void> = (u, path) =>
  object((option) => {
    option('add_shadow', optional(boolean))
    option('semitransparency', optional(boolean))
    const color = option('bg_color', optional(string))
    const image = option('bg_image_url', optional(string))
    need(!color || !image, `${path}.bg_image_url`, 'must not be set together with bg_color')
  })(u, path)

/**
 * One extension (upload's `extensions`, updateFileDetails' `extensions`), as ImageKit's API reference defines it:
 * its `name` is known and the fields that name requires are there, in the reference's order (`minConfidence`,
 * then `maxTags`, a count from 0). Checked on its copy (each property read once), which is what is sent.
 */
export const extension: Check<unknown> = (u, path) => {
  const copy = isRecord(u) ? jsonCopy(u, path) : u
  object((field) => {
    const name = field('name', oneOf(EXTENSIONS))
    if (name === 'remove-bg') field('options', optional(removeBg))
    if (name.endsWith('auto-tagging')) {
      field('minConfidence', integer(0, 100))
      field('maxTags', count)
    }
    if (name === 'ai-tasks') field('tasks', array(task, 1, 10))
    if (name === 'saved-extension') field('id', nonEmptyString)
  })(copy, path)
  return copy
}

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
