// Backup, restore and "Kontroller databasen" (issue 13).
//
// Unlike the other services, backup and restore run as tasks (handlers/types.ts):
// outside any transaction, because SQLite's online backup copies the file a batch
// of pages at a time while other calls go on, and a restore closes the file and
// opens another. Their database work (the setting, the log) is done through
// ctx.read / ctx.write, each one short transaction.
//
// What "at backup time" means: the backup runs on the engine's own connection,
// so SQLite carries every write made through it during the copy into the copy
// (no restart). The backup therefore holds the file as it stood when its last
// batch of pages was copied, writes made before that included, later ones not.
// A write from another connection would make SQLite start the copy over
// (test/engine/backup.test.ts shows both).
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { BackupInfo, BackupStatus, BackupTaken, CheckFinding, CheckReport, RestoreResult } from '../../../shared/channels/backup';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext, TaskContext } from '../context';
import { openDatabase } from '../db/connection';
import { checkDatabaseFile, removeSideFilesMadeSince, sideFilesPresent } from '../db/fileCheck';
import { latestVersion } from '../db/migrate';
import { domainErrorOfSqlite } from '../db/sqliteErrors';
import {
  BACKUP_WARNING_DAYS,
  DEFAULT_BACKUP_FOLDER_NAME,
  automaticBackupDue,
  automaticBackupsToPrune,
  backupAge,
  backupFileName,
  keptAsFileName,
  parseBackupFileName,
  safeFileStem,
  takenAtFromName,
} from '../domain/backup';
import { AUDIT_RULES_NB, auditSales } from '../repos/audit';
import {
  backupContents,
  foreignKeyProblems,
  getBackupSetting,
  integrityProblems,
  lastBackup,
  logBackup,
  saveBackupSetting,
  type BackupLogRow,
} from '../repos/backup';
import { getCompany } from '../repos/company';

export function defaultBackupFolder(dataFile: string): string {
  return join(dirname(resolve(dataFile)), DEFAULT_BACKUP_FOLDER_NAME);
}

/**
 * The newest backup of the company in the folder, by the names the program gives
 * them: after a restore the log is the backup's own (it knows nothing of the
 * backups taken after it), but the files are still there.
 */
function newestBackupFile(folder: string, companyName: string): BackupLogRow | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const stem = safeFileStem(companyName);
  let newest: BackupLogRow | null = null;
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    const at = parsed && parsed.stem === stem ? takenAtFromName(name) : null;
    if (at && (!newest || at.toISOString() > newest.takenAt)) {
      newest = { takenAt: at.toISOString(), file: join(folder, name), automatic: parsed!.automatic, bytes: 0 };
    }
  }
  return newest;
}

export function backupStatus(ctx: HandlerContext): BackupStatus {
  const setting = getBackupSetting(ctx.db);
  const defaultFolder = defaultBackupFolder(ctx.dataFile);
  const logged = lastBackup(ctx.db);
  const company = getCompany(ctx.db);
  const onDisk = company ? newestBackupFile(setting.folder ?? defaultFolder, company.name) : null;
  // A name says the minute only: the log's own row wins for the same minute.
  const last = onDisk && (!logged || onDisk.takenAt.slice(0, 16) > logged.takenAt.slice(0, 16)) ? onDisk : logged;
  const age = backupAge(last ? new Date(last.takenAt) : null, ctx.now);
  return {
    lastAt: last?.takenAt ?? null,
    lastFile: last?.file ?? null,
    lastAutomatic: last?.automatic ?? null,
    ageDays: age.ageDays,
    warning: age.warning,
    folder: setting.folder ?? defaultFolder,
    defaultFolder,
    customFolder: setting.folder,
    keepAutomatic: setting.keepAutomatic,
    warningDays: BACKUP_WARNING_DAYS,
  };
}

/** A folder the user named: it must exist and take files. */
function checkFolder(folder: string, field: string | null): void {
  // A folder is named in full (C:\\Sikkerhetskopier, /home/kari/Sikkerhetskopier), never relative to wherever the program runs.
  if (!isAbsolute(folder)) throw new DomainError('backup_folder_missing', field, { folder });
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new DomainError('backup_folder_missing', field, { folder });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DomainError('backup_folder_not_writable', field, { folder });
  }
}

export function saveBackupSettings(ctx: HandlerContext, input: { folder: string | null; keepAutomatic: number }): BackupStatus {
  if (input.folder !== null && !isAbsolute(input.folder)) throw new DomainError('backup_folder_missing', 'folder', { folder: input.folder });
  const folder = input.folder === null ? null : resolve(input.folder);
  // The default folder beside the data file is made when the first backup goes there; a folder of one's own must exist.
  if (folder !== null && folder !== defaultBackupFolder(ctx.dataFile)) checkFolder(folder, 'folder');
  saveBackupSetting(ctx.db, { folder: folder === defaultBackupFolder(ctx.dataFile) ? null : folder, keepAutomatic: input.keepAutomatic }, ctx.now.toISOString());
  return backupStatus(ctx);
}

/** A name in the folder that is not taken: "(2)", "(3)" … after a backup of the same minute. */
function freeName(folder: string, companyName: string, at: Date, automatic: boolean): string {
  for (let n = 1; ; n++) {
    const file = join(folder, backupFileName(companyName, at, automatic, n));
    if (!existsSync(file) && !existsSync(`${file}.part`)) return file;
  }
}

/** Takes one backup (the user's own, or automatic) and, for an automatic one, prunes the older automatic ones. */
export async function takeBackup(ctx: TaskContext, opts: { folder?: string | undefined; automatic: boolean }): Promise<BackupTaken> {
  if (ctx.db.readonly) throw new DomainError('file_read_only');
  const { setting, companyName } = ctx.read((c) => ({
    setting: getBackupSetting(c.db),
    companyName: getCompany(c.db)?.name ?? 'Ordrebok',
  }));
  const defaultFolder = defaultBackupFolder(ctx.dataFile);
  if (opts.folder !== undefined && !isAbsolute(opts.folder)) throw new DomainError('backup_folder_missing', 'folder', { folder: opts.folder });
  const folder = resolve(opts.folder ?? setting.folder ?? defaultFolder);
  if (folder === defaultFolder) mkdirSync(folder, { recursive: true });
  checkFolder(folder, opts.folder !== undefined ? 'folder' : null);

  const started = ctx.now;
  const file = freeName(folder, companyName, started, opts.automatic);
  // Copied under a name no one takes for a backup, and renamed once complete.
  const part = `${file}.part`;
  try {
    await ctx.backupTo(part);
    renameSync(part, file);
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  }
  const bytes = statSync(file).size;
  // Taken when its last batch was copied: the clock as the log row is written, right after.
  const takenAt = ctx.write((c) => {
    const at = c.now.toISOString();
    logBackup(c.db, { takenAt: at, file, automatic: opts.automatic, bytes }, c.userId);
    return at;
  });

  const pruned: string[] = [];
  if (opts.automatic) {
    for (const name of automaticBackupsToPrune(readdirSync(folder), companyName, setting.keepAutomatic)) {
      rmSync(join(folder, name), { force: true });
      pruned.push(join(folder, name));
    }
  }
  return { file, takenAt, bytes, automatic: opts.automatic, pruned };
}

export interface AutomaticBackupOptions {
  /** Only when the last automatic backup is a day old or more (the daily one while the program runs). */
  readonly onlyIfDue?: boolean;
}

export async function automaticBackup(ctx: TaskContext, opts: AutomaticBackupOptions): Promise<{ file: string } | null> {
  if (ctx.db.readonly) return null;
  const state = ctx.read((c) => ({ company: getCompany(c.db), last: lastBackup(c.db, { automaticOnly: true }) }));
  // Nothing to keep before a company is set up.
  if (!state.company) return null;
  if (opts.onlyIfDue && !automaticBackupDue(state.last ? new Date(state.last.takenAt) : null, ctx.now)) return null;
  const taken = await takeBackup(ctx, { automatic: true });
  return { file: taken.file };
}

/**
 * Checks a backup file without changing it, and says what it holds: refused when
 * it is missing, the file in use, not an Ordrebok company file, from a newer
 * version, or damaged (PRAGMA integrity_check).
 */
export function inspectBackup(file: string, dataFile: string): BackupInfo {
  const path = resolve(file);
  if (!isAbsolute(file) || !existsSync(path) || !statSync(path).isFile()) throw new DomainError('backup_file_missing', 'file', { file });
  if (path === resolve(dataFile)) throw new DomainError('backup_is_current_file', 'file');
  const latest = latestVersion();
  let version: number;
  try {
    const check = checkDatabaseFile(path, { latestVersion: latest, quickCheckMaxBytes: 0, quickCheck: false });
    if (check.kind !== 'existing') throw new DomainError('backup_file_missing', 'file', { file });
    version = check.userVersion;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw asBackupRefusal(err);
  }
  if (version === 0) throw new DomainError('backup_not_company_file', 'file');
  const sideFiles = sideFilesPresent(path);
  const db = openDatabase(path, { readonly: true, fileMustExist: true });
  try {
    if (integrityProblems(db, 5).length > 0) throw new DomainError('backup_corrupt', 'file');
    const contents = backupContents(db);
    if (!contents) throw new DomainError('backup_not_company_file', 'file');
    const st = statSync(path);
    const takenAt = takenAtFromName(basename(path)) ?? st.mtime;
    return { file: path, ...contents, schemaVersion: version, currentSchemaVersion: latest, takenAt: takenAt.toISOString(), bytes: st.size };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const refusal = domainErrorOfSqlite(err);
    if (refusal?.data.code === 'database_corrupt') throw new DomainError('backup_corrupt', 'file');
    throw refusal ? asBackupRefusal(refusal) : err;
  } finally {
    db.close();
    removeSideFilesMadeSince(path, sideFiles);
  }
}

/** The company file's own refusals, said of a backup (field "file"). */
function asBackupRefusal(err: DomainError): DomainError {
  switch (err.data.code) {
    case 'database_newer':
      return new DomainError('backup_newer', 'file', err.data.params);
    case 'database_corrupt':
      return new DomainError('backup_corrupt', 'file');
    case 'database_empty':
    case 'database_not_sqlite':
    case 'database_foreign':
      return new DomainError('backup_not_company_file', 'file');
    default:
      return new DomainError(err.data.code, 'file', err.data.params);
  }
}

const SIDE_SUFFIXES = ['-wal', '-shm'] as const;

/**
 * Puts a backup in the company file's place: checked first, copied beside the
 * company file, then, with the file closed, the current one renamed (kept, with
 * the time in its name) and the copy renamed into its place, and the program
 * reopens on it. If it cannot be opened, the old file is put back.
 */
export async function restoreBackup(ctx: TaskContext, file: string): Promise<RestoreResult> {
  if (ctx.db.readonly) throw new DomainError('file_read_only');
  const info = inspectBackup(file, ctx.dataFile);
  const dataFile = resolve(ctx.dataFile);
  const folder = dirname(dataFile);
  const keptAs = join(folder, keptAsFileName(basename(dataFile), ctx.now));
  // The copy first, while the program runs on: a full disk stops the restore here, with nothing changed.
  const incoming = `${dataFile}.gjenoppretting.part`;
  copyFileSync(info.file, incoming);
  const moved: [string, string][] = [];
  const move = (from: string, to: string) => {
    renameSync(from, to);
    moved.push([from, to]);
  };
  try {
    const { schemaAfter } = await ctx.reopen(
      () => {
        move(dataFile, keptAs);
        for (const suffix of SIDE_SUFFIXES) if (existsSync(`${dataFile}${suffix}`)) move(`${dataFile}${suffix}`, `${keptAs}${suffix}`);
        move(incoming, dataFile);
      },
      () => {
        // Back as it was: the backup's copy out, the kept file (and its side files) in.
        for (const [from, to] of moved.reverse()) {
          if (from === incoming) rmSync(to, { force: true });
          else renameSync(to, from);
        }
        for (const suffix of SIDE_SUFFIXES) if (!moved.some(([f]) => f === `${dataFile}${suffix}`)) rmSync(`${dataFile}${suffix}`, { force: true });
      },
    );
    return { ...info, keptAs, schemaAfter };
  } finally {
    rmSync(incoming, { force: true });
  }
}

/** "Kontroller databasen": SQLite's integrity and foreign key checks, then every rule of the engine's audit. */
export function checkDatabase(ctx: HandlerContext): CheckReport {
  const started = performance.now();
  const findings: CheckFinding[] = [];
  const integrity = integrityProblems(ctx.db, 20);
  for (const problem of integrity) {
    findings.push({
      kind: 'integrity',
      nb: `Integritetskontrollen (SQLite) fant en feil i filen: ${problem}`,
      en: `The integrity check (SQLite) found an error in the file: ${problem}`,
      count: 1,
      sample: [],
    });
  }
  const byTable = new Map<string, { parent: string; rows: number[]; count: number }>();
  for (const p of foreignKeyProblems(ctx.db)) {
    const key = `${p.table}→${p.parent}`;
    const entry = byTable.get(key) ?? { parent: p.parent, rows: [], count: 0 };
    entry.count++;
    if (p.rowid !== null && entry.rows.length < 5) entry.rows.push(p.rowid);
    byTable.set(key, entry);
  }
  for (const [key, e] of byTable) {
    const table = key.split('→')[0]!;
    findings.push({
      kind: 'foreign_key',
      nb: `Koblinger: ${e.count} rad(er) i tabellen ${table} viser til en rad i ${e.parent} som ikke finnes`,
      en: `References: ${e.count} row(s) in the table ${table} point to a row in ${e.parent} that does not exist`,
      count: e.count,
      sample: e.rows,
    });
  }
  // The audit's rules read the tables; on a file whose pages are damaged they may fail themselves, which the integrity finding says.
  const audit = integrity.length > 0 ? [] : auditSales(ctx.db);
  for (const f of audit) {
    if (f.violations === 0) continue;
    const n = f.violations;
    findings.push({
      kind: 'audit',
      nb: `${AUDIT_RULES_NB[f.rule] ?? f.rule}: ${n} ${n === 1 ? 'tilfelle' : 'tilfeller'}`,
      en: `${f.rule}: ${n} ${n === 1 ? 'case' : 'cases'}`,
      count: n,
      sample: f.sample,
    });
  }
  return {
    ok: findings.length === 0,
    checks: 2 + audit.length,
    findings,
    checkedAt: ctx.now.toISOString(),
    ms: Math.round(performance.now() - started),
  };
}
