// Packaging cannot run here (electron-builder downloads Electron and NSIS), so this checks what the
// packager WILL apply: electron-builder.yml loaded and schema-validated by electron-builder's own
// code, then turned into the fuse wire by its own generateFuseConfig — the object it hands to
// @electron/fuses' flipFuses() after packing.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ElectronFuses from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const repo = path.resolve(import.meta.dirname, '../../..');
// The @electron/fuses electron-builder itself imports (not a copy of ours).
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { FuseV1Options, FuseVersion } = fromBuilder('@electron/fuses') as typeof ElectronFuses;

type Config = Awaited<ReturnType<typeof getConfig>>;
const quiet = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

async function packagerConfig(): Promise<Config> {
  const config = await getConfig(repo, path.join(repo, 'electron-builder.yml'), null);
  await validateConfiguration(config, quiet);
  return config;
}

async function fuseWire(config: Config): Promise<Record<string | number, unknown>> {
  const generate = (
    PlatformPackager.prototype as unknown as {
      generateFuseConfig(fuses: Config['electronFuses']): Promise<Record<string | number, unknown>>;
    }
  ).generateFuseConfig;
  return generate.call(null, config.electronFuses);
}

describe('packaged app: Electron fuses', { timeout: 30_000 }, () => {
  it('electron-builder.yml passes electron-builder 26 schema and packs the app into an asar', async () => {
    const config = await packagerConfig();
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toBeDefined();
    // Integrity data is computed only while this is not switched off.
    expect((config as { disableAsarIntegrity?: boolean }).disableAsarIntegrity).toBeUndefined();
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector; encrypted cookies; app.asar only, integrity-checked', async () => {
    const wire = await fuseWire(await packagerConfig());
    expect(wire).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });
});
