// Generates build/icon.png (1024x1024 RGBA) and build/icon.svg from one geometry: a rounded
// square in a teal-to-indigo gradient with a white stylised "K". Node only (zlib + a tiny PNG
// encoder); edges are antialiased with signed distance fields. Run: node scripts/make-icon.mjs
// It also writes the web app's icons (renderer/public/icons): the same picture at 192 and 512
// px, a 180 px one for iOS home screens, and a "maskable" 512 px one whose gradient fills the
// whole square (Android crops it to its own shape; the K stays inside the safe circle).
import { mkdir, writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const TILE = { cx: 512, cy: 512, half: 432, radius: 190 };
const FROM = [13, 148, 136]; // teal-600, top left
const TO = [67, 56, 202]; // indigo-700, bottom right
const STROKE = 56; // half the stroke width of the K
const K = [
  [
    [392, 300],
    [392, 724],
  ],
  [
    [412, 566],
    [646, 300],
  ],
  [
    [506, 474],
    [660, 724],
  ],
];

function roundBoxDistance(x, y) {
  const qx = Math.abs(x - TILE.cx) - (TILE.half - TILE.radius);
  const qy = Math.abs(y - TILE.cy) - (TILE.half - TILE.radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - TILE.radius;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

/** Fraction of the pixel covered by a shape whose signed distance at its centre is d. */
const coverage = (d) => Math.max(0, Math.min(1, 0.5 - d));

/** The icon at `size` px; `fullBleed` paints the gradient over the whole square (maskable). */
function render(size = SIZE, fullBleed = false) {
  const scale = SIZE / size; // design units per output pixel
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const px = (x + 0.5) * scale;
      const py = (y + 0.5) * scale;
      const tile = fullBleed ? 1 : coverage(roundBoxDistance(px, py) / scale);
      const kDistance = Math.min(...K.map(([a, b]) => segmentDistance(px, py, a, b) - STROKE));
      const letter = coverage(kDistance / scale);
      const t = Math.max(0, Math.min(1, (px + py) / (2 * SIZE)));
      const out = row + 1 + x * 4;
      for (let c = 0; c < 3; c += 1) {
        const base = FROM[c] + (TO[c] - FROM[c]) * t;
        rows[out + c] = Math.round(base + (255 - base) * letter);
      }
      rows[out + 3] = Math.round(255 * tile);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(rows, size = SIZE) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const rgb = ([r, g, b]) => `rgb(${r},${g},${b})`;
  const side = TILE.half * 2;
  const lines = K.map(
    ([[x1, y1], [x2, y2]]) => `    <line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`,
  ).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <title>Kenal</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="${SIZE}" y2="${SIZE}" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="${rgb(FROM)}"/>
      <stop offset="1" stop-color="${rgb(TO)}"/>
    </linearGradient>
  </defs>
  <rect x="${TILE.cx - TILE.half}" y="${TILE.cy - TILE.half}" width="${side}" height="${side}" rx="${TILE.radius}" fill="url(#tile)"/>
  <g stroke="#fff" stroke-width="${STROKE * 2}" stroke-linecap="round">
${lines}
  </g>
</svg>
`;
}

const out = new URL('../build/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL('icon.png', out), encodePng(render()));
await writeFile(new URL('icon.svg', out), svg());
const icons = new URL('../renderer/public/icons/', import.meta.url);
await mkdir(icons, { recursive: true });
for (const size of [192, 512]) {
  await writeFile(new URL(`icon-${size}.png`, icons), encodePng(render(size), size));
}
await writeFile(new URL('icon-maskable-512.png', icons), encodePng(render(512, true), 512));
await writeFile(new URL('apple-touch-icon-180.png', icons), encodePng(render(180, true), 180));
console.log('wrote build/icon.png, build/icon.svg and renderer/public/icons/*.png');
