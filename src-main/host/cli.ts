// npm run start:web — the host alone: opens the company database and prints the address.
import { join, resolve } from 'node:path';
import { openEngine } from '../engine';
import { DATABASE_FILE_NAME, defaultDataFolder } from '../engine/dataFolder';
import { startHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = resolve(arg('db') ?? join(defaultDataFolder(), DATABASE_FILE_NAME));
const engine = await openEngine({
  file,
  onInternalError: (channel, error) => console.error(`[ordrebok] internal error in ${channel}:`, error),
});
const host = await startHost({
  engine,
  rendererDir: resolve(arg('renderer') ?? 'dist/renderer'),
  port: Number(arg('port') ?? process.env.ORDREBOK_PORT ?? 0),
});
console.log(`Ordrebok kjører / is running: ${host.appUrl}`);
console.log(`Database: ${file}`);

const stop = () => {
  void host.close().then(() => {
    engine.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
