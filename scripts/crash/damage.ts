/** Seeded damage to a database file: random bytes written over the headers of random b-tree pages. */
import { readFile, writeFile } from 'node:fs/promises';
import { seededRandom } from '../bench/fullSizeReport';


/**
 * Changes `count` random bytes inside the page headers (type, freeblock, cell count, content start) of
 * pages other than the first, so the schema still reads and the damage is in the data the clerk keeps.
 * Returns the damaged bytes, to check the set-aside file is exactly what was there.
 */
export async function damageFile(file: string, seed: number, count = 8): Promise<Buffer> {
  const bytes = await readFile(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pages = Math.floor(bytes.length / pageSize);
  if (pages < 2) throw new Error('database too small to damage');
  const random = seededRandom(seed);
  for (let i = 0; i < count; i += 1) {
    const page = 1 + Math.floor(random() * (pages - 1));
    const offset = page * pageSize + Math.floor(random() * 8);
    let value = Math.floor(random() * 256);
    if (value === bytes[offset]) value = (value + 1) % 256;
    bytes[offset] = value;
  }
  await writeFile(file, bytes);
  return bytes;
}

/** Changes 1–16 random bytes anywhere after the first page (seeded), as a failing disk or a bad copy would. */
export async function scrambleFile(file: string, seed: number): Promise<void> {
  const bytes = await readFile(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const random = seededRandom(seed);
  const count = 1 + Math.floor(random() * 16);
  for (let i = 0; i < count; i += 1) {
    const offset = pageSize + Math.floor(random() * (bytes.length - pageSize));
    bytes[offset] = (bytes[offset]! + 1 + Math.floor(random() * 255)) % 256;
  }
  await writeFile(file, bytes);
}
