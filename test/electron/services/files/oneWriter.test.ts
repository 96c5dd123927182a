/**
 * One module writes files: every file the program writes goes through electron/services/files
 * (writeFileAtomic: never onto a database, temporary name + rename, nothing left on failure). A
 * direct fs write elsewhere in electron/ is a way to destroy a database or leave half a file, so this
 * test lists any it finds — replace it with `writeFileAtomic(path, bytes)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const WRITES = /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|copyFile|copyFileSync|cp|cpSync)\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

it('no file under electron/ writes with fs directly except electron/services/files', () => {
  const found: string[] = [];
  for (const file of sources(join(repo, 'electron'))) {
    const name = relative(repo, file).split('\\').join('/');
    if (name.startsWith('electron/services/files/')) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (WRITES.test(code) && !/^\s*(\*|\/\*)/.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found, 'write these through writeFileAtomic (electron/services/files/writeFileAtomic.ts)').toEqual([]);
});
