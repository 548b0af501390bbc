// Renders resources/icon.svg into the PNG and ICO files the app and the installer use:
//   node scripts/makeIcon.mjs
// Chromium draws each size itself (small sizes get their own stroke weight and no margin, so the
// glyph stays legible at 16 px); the ICO holds those PNGs as they are, which Windows
// Vista and later read directly. Needs Chromium (CHROMIUM=/path overrides /usr/bin/chromium)
// and a font with 客 (fonts-wqy-microhei on Debian).
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const resources = join(root, 'resources')
const work = join(root, '.tmp', 'makeIcon')
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')

/** Stroke weight in the SVG's 512-unit space, and whether the tile fills the whole square. */
function styleFor(size) {
  if (size <= 16) return { weight: 12, fullBleed: true }
  if (size <= 32) return { weight: 18, fullBleed: true }
  if (size <= 48) return { weight: 16, fullBleed: false }
  return { weight: 12, fullBleed: false }
}

function render(size) {
  const { weight, fullBleed } = styleFor(size)
  const tile = fullBleed ? 'rect { x: 0; y: 0; width: 512px; height: 512px; rx: 96px; }' : ''
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    html, body { margin: 0; background: transparent; }
    svg { display: block; width: ${size}px; height: ${size}px; --weight: ${weight}px; }
    ${tile}
  </style></head><body>${svg}</body></html>`
  const page = join(work, `icon-${size}.html`)
  const png = join(work, `icon-${size}.png`)
  writeFileSync(page, html)
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(work, 'profile')}`,
      `--screenshot=${png}`,
      `--window-size=${size},${size}`,
      '--default-background-color=00000000',
      `file://${page}`,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  )
  const data = readFileSync(png)
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  if (width !== size || height !== size) throw new Error(`Chromium drew ${width}x${height} for ${size}x${size}`)
  return data
}

/** An ICO container whose entries are PNG streams (ICONDIR, then one 16-byte entry per image, then the data). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index
    header.writeUInt8(size >= 256 ? 0 : size, entry) // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt8(0, entry + 2)
    header.writeUInt8(0, entry + 3)
    header.writeUInt16LE(1, entry + 4)
    header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

mkdirSync(work, { recursive: true })
writeFileSync(join(resources, 'icon.png'), render(512))
const icoSizes = [256, 48, 32, 16]
const images = icoSizes.map((size) => ({ size, png: render(size) }))
writeFileSync(join(resources, 'icon.ico'), ico(images))
writeFileSync(join(resources, 'tray.png'), images.find((image) => image.size === 32).png)
console.log(`resources/icon.png 512, resources/icon.ico ${icoSizes.join('/')}, resources/tray.png 32`)
