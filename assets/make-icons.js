/*
 * Draws the add-in's icons (a green sheet with a white check mark and grid lines) as PNG files,
 * with node's zlib only: `node assets/make-icons.js`. The PNGs are committed; run again only to
 * change the drawing.
 */
/* eslint-disable */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function icon(size) {
  const S = 4; // supersampling
  return png(size, (x, y) => {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const u = (x + (sx + 0.5) / S) / size;
        const v = (y + (sy + 0.5) / S) / size;
        const c = sample(u, v);
        acc = acc.map((a, i) => a + c[i]);
      }
    return acc.map((a) => Math.round(a / (S * S)));
  });
}

/** The drawing in unit coordinates. */
function sample(u, v) {
  const m = 0.06, rad = 0.16;
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - m - rad), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - m - rad), 0);
  if (Math.hypot(qx, qy) > rad) return [0, 0, 0, 0];
  const check = segDist(u, v, 0.27, 0.52, 0.44, 0.69) < 0.075 || segDist(u, v, 0.44, 0.69, 0.76, 0.3) < 0.075;
  if (check) return [255, 255, 255, 255];
  const grid = (Math.abs(v - 0.36) < 0.012 || Math.abs(u - 0.36) < 0.012) && v > 0.12 && u > 0.12 && v < 0.88 && u < 0.88;
  if (grid) return [160, 215, 180, 255];
  return [16, 124, 65, 255]; // Excel green
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), icon(size));
}
console.log("icons written to", __dirname);
