import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { buildTransformationString } from './buildTransformationString'
import type { Transformation } from './model/Transformation'

const build = (t: unknown) => buildTransformationString(t as Transformation[])
const ok = (s: string) => ({ _tag: 'Right', right: s })
const bad = (path: string, message: string) => ({ _tag: 'Left', left: validationError(path, message) })
const KNOWN = 'type, layerMode, position, timing, transformation'

describe('buildTransformationString: overlay keys (snake_case, none silently lost)', () => {
  it.each([
    [
      'layer_mode as layerMode',
      { type: 'image', input: 'o.png', layer_mode: 'cutout' },
      'l-image,i-o.png,lm-cutout,l-end',
    ],
    [
      'x_center, y_center and anchor_point in a position',
      { type: 'image', input: 'o.png', position: { x_center: 10, y_center: 0, anchor_point: 'top' } },
      'l-image,i-o.png,lxc-10,lyc-0,lap-top,l-end',
    ],
    [
      'snake_case keys in the nested transformation',
      { type: 'text', text: 'Hi', transformation: [{ font_size: 20, font_color: 'red' }] },
      'l-text,i-Hi,fs-20,co-red,l-end',
    ],
    [
      'null and undefined fields as absent',
      { type: 'image', input: 'o.png', layer_mode: null, timing: undefined, encoding: null },
      'l-image,i-o.png,l-end',
    ],
  ])('reads %s', (_title, overlay, expected) => expect(build([{ overlay }])).toStrictEqual(ok(expected)))

  it.each([
    [
      'an unknown overlay key',
      { type: 'image', input: 'o.png', opacity: 50 },
      bad('transformation[0].overlay.opacity', `is not a known key (allowed: ${KNOWN}, input, encoding)`),
    ],
    [
      'an input on a text overlay',
      { type: 'text', text: 'Hi', input: 'x' },
      bad('transformation[0].overlay.input', `is not a known key (allowed: ${KNOWN}, text, encoding)`),
    ],
    [
      'an encoding on a solid colour overlay',
      { type: 'solidColor', color: 'FF0000', encoding: 'plain' },
      bad('transformation[0].overlay.encoding', `is not a known key (allowed: ${KNOWN}, color)`),
    ],
    [
      'an unknown position key',
      { type: 'image', input: 'o.png', position: { left: 5 } },
      bad(
        'transformation[0].overlay.position.left',
        'is not a known key (allowed: x, y, xCenter, yCenter, anchorPoint, focus)',
      ),
    ],
    [
      'an unknown timing key',
      { type: 'video', input: 'v.mp4', timing: { begin: 5 } },
      bad('transformation[0].overlay.timing.begin', 'is not a known key (allowed: start, end, duration)'),
    ],
    [
      'a key given under both names',
      { type: 'image', input: 'o.png', layerMode: 'cutout', layer_mode: 'multiply' },
      bad('transformation[0].overlay.layer_mode', 'is given twice (as layerMode and in snake_case)'),
    ],
  ])('refuses %s', (_title, overlay, expected) => expect(build([{ overlay }])).toStrictEqual(expected))
})
