/**
 * The packaged binary's fuses, as electron-builder will flip them (its `electronFuses` option,
 * checked against electron-builder's own JSON schema): RunAsNode off, cookie encryption on, only
 * app.asar, no NODE_OPTIONS, no inspector, asar integrity on, file:// without extra privileges.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const config = load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as { asar?: unknown; electronFuses?: Record<string, unknown> };

describe('electron-builder configuration', () => {
  it('flips the security fuses at packaging', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only fuse names electron-builder knows', () => {
    const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known, key).toContain(key);
  });
});
