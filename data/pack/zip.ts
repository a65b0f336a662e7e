/**
 * Just enough of the zip format for data packs, with no library: reading stored and
 * deflated entries (through the platform's `DecompressionStream`, in Node and both
 * browsers) and writing stored entries. Sizes are checked against the pack caps before
 * anything is inflated, so a small zip cannot expand into a huge one.
 */
import { PACK_CAPS } from './validate-pack';

export class ZipError extends Error {}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

async function inflate(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  if (out.byteLength !== size) throw new ZipError('an entry is not the size the zip says');
  return out;
}

/**
 * The files of a zip by path. When every file sits in one top folder (a zipped pack
 * folder), that folder is removed from the paths.
 */
export async function readZip(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  let end = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip file');
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  if (count > PACK_CAPS.files * 2)
    throw new ZipError(`holds ${count} entries; a pack may hold at most ${PACK_CAPS.files} files`);
  const entries: { name: string; method: number; size: number; data: Uint8Array }[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (u32(zip, at) !== 0x02014b50) throw new ZipError('its directory is damaged');
    const method = u16(zip, at + 10);
    const compressed = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const local = u32(zip, at + 42);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    if (name.endsWith('/')) continue;
    if (u32(zip, local) !== 0x04034b50) throw new ZipError(`entry "${name}" is damaged`);
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    total += size;
    if (total > PACK_CAPS.bytes)
      throw new ZipError(`unpacks to more than ${PACK_CAPS.bytes} bytes, the most a pack may hold`);
    if (method !== 0 && method !== 8)
      throw new ZipError(`entry "${name}" uses a compression this reader does not know`);
    entries.push({ name, method, size, data: zip.subarray(start, start + compressed) });
  }
  const top = entries[0]?.name.split('/')[0];
  const strip =
    top !== undefined && entries.every((e) => e.name.startsWith(`${top}/`)) ? top.length + 1 : 0;
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = e.method === 0 ? e.data.slice() : await inflate(e.data, e.size);
    files.set(e.name.slice(strip), data);
  }
  return files;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `files` with every entry stored (not compressed), in the order given. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [path, data] of files) {
    const name = new TextEncoder().encode(path);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // names are UTF-8
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    parts.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.size, true);
  ev.setUint16(10, files.size, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
