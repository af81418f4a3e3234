// npm run start:web — the host alone: opens the company database and prints the address.
// Options: --db FILE, --port N, --renderer DIR, --read-only (look at a file without changing it).
import { join, resolve } from 'node:path';
import { openEngineOrRefusal, scheduleAutomaticBackups } from '../engine';
import { DATABASE_FILE_NAME, defaultDataFolder } from '../engine/dataFolder';
import { startHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = resolve(arg('db') ?? join(defaultDataFolder(), DATABASE_FILE_NAME));
// A file Ordrebok refuses (a newer version's, damaged, empty …) is left untouched; the app then shows why.
const engine = await openEngineOrRefusal({
  file,
  ...(process.argv.includes('--read-only') ? { readOnly: true } : {}),
  onInternalError: (channel, error) => console.error(`[ordrebok] internal error in ${channel}:`, error),
});
const host = await startHost({
  engine,
  rendererDir: resolve(arg('renderer') ?? 'dist/renderer'),
  port: Number(arg('port') ?? process.env.ORDREBOK_PORT ?? 0),
});
console.log(`Ordrebok kjører / is running: ${host.appUrl}`);
console.log(`Database: ${file}`);
if (engine.refusal) console.error(`Firmafilen kan ikke åpnes / the company file cannot be opened: ${engine.refusal.message.nb}\n  ${engine.refusal.message.en}`);
else if (engine.readOnly) console.log('Filen er åpnet bare for lesing / the file is open read-only.');
// A backup as the program starts, then once a day while it runs (issue 13).
const backups = scheduleAutomaticBackups(engine, { log: (line) => console.log(line) });

const stop = () => {
  backups.stop();
  void host.close().then(() => {
    engine.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
