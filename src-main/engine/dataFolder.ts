// Where the company database lives when no file is named: the user's data
// folder, as Electron's app.getPath('userData') gives it for an app named
// "Ordrebok". Here in the engine because the host and the Electron shell both
// need it, and neither may import the other.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ORDREBOK_DATA_DIR) return env.ORDREBOK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ordrebok');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ordrebok');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ordrebok');
}

export const DATABASE_FILE_NAME = 'firma.ordrebok';
