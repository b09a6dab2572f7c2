// The page: pick or drop images, each is uploaded straight from the browser with one-time parameters signed by
// our server (/auth), with a progress bar where the engine reports progress, a cancel button, and then the
// image through buildUrl (a transformation) with a srcSet from getResponsiveImageAttributes.
import { upload } from '@imagekit-fp/upload'
import type { UploadConfig, UploadProgress } from '@imagekit-fp/upload'
import { buildUrl, getResponsiveImageAttributes } from '@imagekit-fp/url'
import type { Transformation } from '@imagekit-fp/url'
import type { GetAuthenticationParametersResult } from '@imagekit-fp/utils'
import { describeError } from './describeError'

/** What GET /config answers. */
interface PageConfig {
  readonly publicKey: string
  readonly urlEndpoint: string
  readonly uploadBaseUrl?: string
  readonly target: 'stand-in' | 'account'
}

/** How each uploaded image is shown: a 3:2 crop around the subject. */
const TRANSFORMATION: readonly Transformation[] = [{ aspectRatio: '3-2', focus: 'auto' }]
/** The display width in CSS px: the srcSet gets 1x and 2x candidates for it. */
const DISPLAY_WIDTH = 440
const FOLDER = '/imagekit-fp-browser-example'

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v)
  if (text !== undefined) node.textContent = text
  return node
}

const kb = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

const fetchJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url, { cache: 'no-store' })
  if (!res.ok) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as T
}

/** One file's row: name, size, progress, status, cancel; later the image or the error. */
const startUpload = (page: PageConfig, file: File, list: HTMLElement): void => {
  const item = el('li', { class: 'upload', 'data-state': 'uploading', 'data-file': file.name })
  const row = el('div', { class: 'row' })
  const status = el('span', { class: 'status' }, 'uploading…')
  const cancel = el('button', { type: 'button', class: 'cancel' }, 'Cancel')
  row.append(
    el('span', { class: 'name' }, file.name),
    el('span', { class: 'size' }, kb(file.size)),
    status,
    cancel,
  )
  // No `value`: an indeterminate bar, until (and unless) the engine reports progress.
  const bar = el('progress', { max: '100', 'aria-label': `upload of ${file.name}` })
  item.append(row, bar)
  list.append(item)

  const controller = new AbortController()
  cancel.addEventListener('click', () => controller.abort())
  let events = 0
  const onProgress = ({ loaded, total }: UploadProgress) => {
    if (total === undefined || total === 0) return
    events += 1
    const percent = Math.min(100, Math.round((loaded / total) * 100))
    bar.value = percent
    status.textContent = `${percent} %`
    item.dataset['progressEvents'] = String(events)
  }

  const finish = (state: 'done' | 'failed' | 'cancelled', text: string) => {
    item.dataset['state'] = state
    status.textContent = text
    cancel.remove()
  }

  void (async () => {
    let auth: GetAuthenticationParametersResult
    try {
      // Fresh parameters for every upload: ImageKit accepts a token once.
      auth = await fetchJson<GetAuthenticationParametersResult>('/auth')
    } catch (e) {
      finish('failed', 'failed')
      item.append(el('p', { class: 'error', role: 'alert' }, `Could not get upload parameters: ${String(e)}`))
      return
    }
    const config: UploadConfig = {
      publicKey: page.publicKey,
      ...(page.uploadBaseUrl === undefined ? {} : { uploadBaseUrl: page.uploadBaseUrl }),
      // The timeout covers the whole upload, body included.
      timeout: 600_000,
    }
    const result = await upload(config, {
      file,
      fileName: file.name,
      folder: FOLDER,
      ...auth,
      onUploadProgress: onProgress,
      signal: controller.signal,
    })()

    if (result._tag === 'Left') {
      const view = describeError(result.left, file.size)
      finish(view.cancelled ? 'cancelled' : 'failed', view.cancelled ? 'cancelled' : 'failed')
      const message = el('p', { class: 'error', role: 'alert' }, view.title)
      message.append(el('small', {}, view.detail))
      item.append(message)
      bar.remove()
      return
    }
    if (result.right._tag === 'UploadAccepted') {
      finish('done', 'accepted')
      item.append(el('p', {}, `ImageKit accepted the file and will finish it later: ${result.right.message}`))
      return
    }
    if (events > 0) bar.value = 100
    else bar.remove() // the engine never reported progress: no bar pretends it did
    finish('done', events > 0 ? '100 % · uploaded' : 'uploaded')
    if (result.right.filePath !== undefined) showImage(page, result.right.filePath, file.name, item)
  })()
}

const showImage = (page: PageConfig, filePath: string, name: string, item: HTMLElement): void => {
  const urlConfig = { urlEndpoint: page.urlEndpoint }
  const src = buildUrl(urlConfig, {
    path: filePath,
    transformation: [...TRANSFORMATION, { width: DISPLAY_WIDTH }],
  })
  const attrs = getResponsiveImageAttributes(urlConfig, {
    path: filePath,
    transformation: [...TRANSFORMATION],
    width: DISPLAY_WIDTH,
  })
  if (src._tag === 'Left' || attrs._tag === 'Left') {
    const e = src._tag === 'Left' ? src.left : attrs._tag === 'Left' ? attrs.left : undefined
    item.append(
      el('p', { class: 'error', role: 'alert' }, `Could not build the image URL: ${e?.path} ${e?.message}`),
    )
    return
  }
  const figure = el('figure')
  const img = el('img', {
    src: src.right,
    srcset: attrs.right.srcSet,
    width: String(DISPLAY_WIDTH),
    alt: name,
  })
  const caption = el('figcaption')
  caption.append('buildUrl: ', el('a', { href: src.right }, src.right))
  figure.append(img, caption)
  item.append(figure)
}

const main = async (): Promise<void> => {
  const page = await fetchJson<PageConfig>('/config')
  byId('target').textContent =
    page.target === 'stand-in'
      ? `Offline: uploads go to the local stand-in at ${page.uploadBaseUrl ?? ''}, images come back from ${page.urlEndpoint}.`
      : `Uploads go to your ImageKit account (${page.urlEndpoint}).`
  const list = byId<HTMLUListElement>('uploads')
  const picker = byId<HTMLInputElement>('picker')
  const drop = byId<HTMLLabelElement>('drop')
  const take = (files: FileList | null | undefined) => {
    for (const file of Array.from(files ?? [])) startUpload(page, file, list)
  }
  picker.addEventListener('change', () => {
    take(picker.files)
    picker.value = ''
  })
  drop.addEventListener('dragover', (e) => {
    e.preventDefault()
    drop.classList.add('over')
  })
  drop.addEventListener('dragleave', () => drop.classList.remove('over'))
  drop.addEventListener('drop', (e) => {
    e.preventDefault()
    drop.classList.remove('over')
    take(e.dataTransfer?.files)
  })
  document.body.dataset['ready'] = 'true'
}

main().catch((e: unknown) => {
  byId('target').textContent = `The page could not start: ${String(e)}`
})
