import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Một Cửa Desk';

/**
 * Where the Electron app keeps its data (Electron's userData for our productName), so that `desk doctor`
 * and `desk call` run by IT on the counter PC look at the same files as the app. `--data` or
 * MOT_CUA_DATA_DIR choose another folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MOT_CUA_DATA_DIR) return path.resolve(env.MOT_CUA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** The settings file shared by every host (electron-store writes the same plain JSON file). */
export function settingsFileFor(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}
