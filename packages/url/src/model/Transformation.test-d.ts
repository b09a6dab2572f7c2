import { describe, expectTypeOf, it } from 'vitest'
import type { Overlay, Transformation } from './Transformation'

describe('Transformation', () => {
  it('types known keys', () => {
    const t: Transformation = { width: 300, crop: 'at_max', format: 'avif', raw: 'new-param-1' }
    expectTypeOf(t.width).toEqualTypeOf<number | string | null | undefined>()
    expectTypeOf(t.raw).toEqualTypeOf<string | null | undefined>()
  })

  it('rejects a misspelt key, as the official SDK does (a new ImageKit param goes through raw)', () => {
    // @ts-expect-error no `widht` key: the type has no catch-all index signature
    const steps: Transformation[] = [{ widht: 400 }]
    // @ts-expect-error snake_case keys work at run time only, for JavaScript callers
    const snake: Transformation = { aspect_ratio: '4-3' }
    expectTypeOf(steps).toMatchTypeOf<Transformation[]>()
    expectTypeOf(snake).toMatchTypeOf<Transformation>()
  })

  it('types documented enumerations as literal unions', () => {
    // @ts-expect-error not a crop strategy
    const crop: Transformation = { crop: 'at_mxa' }
    // @ts-expect-error not a crop mode
    const cropMode: Transformation = { cropMode: 'pad' }
    // @ts-expect-error not a focus
    const focus: Transformation = { focus: 'middle' }
    // @ts-expect-error not a format
    const format: Transformation = { format: 'custom' }
    // @ts-expect-error not a video codec
    const videoCodec: Transformation = { videoCodec: 'h265' }
    // @ts-expect-error not an audio codec
    const audioCodec: Transformation = { audioCodec: 'mp3' }
    // @ts-expect-error not a flip
    const flip: Transformation = { flip: 'x' }
    expectTypeOf([crop, cropMode, focus, format, videoCodec, audioCodec, flip]).toMatchTypeOf<
      Transformation[]
    >()
    expectTypeOf<Transformation['crop']>().toEqualTypeOf<
      | 'force'
      | 'at_max'
      | 'at_max_enlarge'
      | 'at_least'
      | 'maintain_ratio'
      | 'maintain_ratio_no_enlarge'
      | null
      | undefined
    >()
  })

  it('rejects wrong value types on known keys', () => {
    // @ts-expect-error width takes a number or a string
    const t: Transformation = { width: { a: 1 } }
    expectTypeOf(t).toMatchTypeOf<Transformation>()
  })

  it('discriminates overlays by type', () => {
    const o: Overlay = { type: 'text', text: 'Hi', position: { x: 0 }, transformation: [{ fontSize: 20 }] }
    expectTypeOf(o).toMatchTypeOf<Overlay>()
    // @ts-expect-error a text overlay needs its text
    const missing: Overlay = { type: 'text' }
    expectTypeOf(missing).toMatchTypeOf<Overlay>()
    // @ts-expect-error an image overlay takes input, not text
    const wrong: Overlay = { type: 'image', text: 'a' }
    expectTypeOf(wrong).toMatchTypeOf<Overlay>()
  })
})
