// The Electron fuses every packaged Gobinscope ships with. Fuses are bits in the Electron binary itself, so a user
// or malware cannot turn them back on with a flag or an environment variable, as they could with runtime options.
import { join, resolve } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // An Electron upgrade that adds a fuse fails packaging until someone decides its value here.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app runs only from its archive, and the archive's hash is checked at start (macOS and Windows).
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // Electron's defaults, kept: no custom V8 snapshot; the page is loaded from file:// as ES modules, which need it.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The name the packager gives the Electron executable (gobinscope, gobinscope.exe). */
export const EXECUTABLE = 'gobinscope';

/**
 * The file that holds the fuse wire, from the app folder the packager copied (…/resources/app): the executable
 * two levels up on Linux and Windows, the .app bundle on macOS (@electron/fuses finds the framework inside).
 */
export function electronPathFor(buildPath, platform) {
  if (platform === 'darwin' || platform === 'mas') return resolve(buildPath, '../../..');
  return join(resolve(buildPath, '../..'), platform === 'win32' ? `${EXECUTABLE}.exe` : EXECUTABLE);
}

/** @electron/packager's afterCopy hook: (buildPath, electronVersion, platform, arch, callback). */
export function flipFusesHook(buildPath, _electronVersion, platform, arch, callback) {
  // Changing the binary breaks the ad-hoc signature Apple silicon requires; re-sign it ad hoc (real signing follows).
  const config = { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64' };
  flipFuses(electronPathFor(buildPath, platform), config).then(
    () => callback(),
    (error) => callback(error),
  );
}
