// npm run build:main — bundles the Electron main process and its preload.
//   out/main/main.js       ESM (import.meta.url finds the migrations beside it)
//   out/main/preload.cjs   CommonJS: a sandboxed preload cannot be a module
//   out/main/migrations/   the engine's numbered .sql files (migrate.ts looks beside the bundle)
// electron and better-sqlite3 stay external: Electron provides the one, and the
// other is loaded from node_modules with the Electron build as its nativeBinding.
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_OUT_DIR = join(ROOT, 'out', 'main');
const MIGRATIONS_SRC = join(ROOT, 'src-main', 'engine', 'db', 'migrations');
const FONTS_SRC = join(ROOT, 'assets', 'fonts');

export interface BuildMainOptions {
  readonly quiet?: boolean;
  /** Defaults to out/main; tests build elsewhere. */
  readonly outDir?: string;
}

export async function buildMain(opts: BuildMainOptions = {}): Promise<void> {
  const outDir = opts.outDir ?? MAIN_OUT_DIR;
  rmSync(outDir, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    sourcemap: true,
    logLevel: opts.quiet ? 'warning' : 'info',
  };
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src-main', 'app', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    format: 'esm',
    // A CommonJS dependency bundled into ESM may still call require().
    banner: { js: "import { createRequire as __ordrebokCreateRequire } from 'node:module'; const require = __ordrebokCreateRequire(import.meta.url);" },
  });
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src-main', 'app', 'preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    format: 'cjs',
  });
  const migrationsOut = join(outDir, 'migrations');
  mkdirSync(migrationsOut, { recursive: true });
  const sqlFiles = readdirSync(MIGRATIONS_SRC).filter((f) => f.endsWith('.sql'));
  for (const f of sqlFiles) copyFileSync(join(MIGRATIONS_SRC, f), join(migrationsOut, f));
  // The documents embed these fonts; the engine looks for them beside the bundle.
  const fontsOut = join(outDir, 'fonts');
  mkdirSync(fontsOut, { recursive: true });
  const fontFiles = readdirSync(FONTS_SRC).filter((f) => f.endsWith('.ttf') || f.toLowerCase().includes('licen'));
  for (const f of fontFiles) copyFileSync(join(FONTS_SRC, f), join(fontsOut, f));
  if (!opts.quiet) console.log(`${outDir}: main.js, preload.cjs, ${sqlFiles.length} migration(s), ${fontFiles.length} font file(s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildMain().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
