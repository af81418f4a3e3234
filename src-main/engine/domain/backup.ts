// Backup rules (issue 13) as pure functions: what a backup file is called, which
// automatic backups are pruned, and when the top bar warns.
//
// A backup is named after the company and the local time it was taken
// ("Fjordlager AS 2026-12-04 1630.ordrebok"); an automatic one says so in its
// name ("Fjordlager AS 2026-12-04 1630 auto.ordrebok"), which is how pruning
// tells the program's own backups from the user's: only names of that form are
// ever deleted, never a backup the user took or a file someone put there.

/** The top bar warns when the newest backup is older than this (or there is none). */
export const BACKUP_WARNING_DAYS = 7;
/** While the program runs, an automatic backup is taken when the last one is this old. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How many automatic backups are kept unless the administrator says otherwise. */
export const DEFAULT_KEEP_AUTOMATIC = 7;
/** The default backup folder's name, beside the company file. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'Sikkerhetskopier';
export const BACKUP_EXTENSION = '.ordrebok';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A company name as a file name on Windows, macOS and Linux: the characters no
 * file system takes (\ / : * ? " < > | and control characters) become "-", runs
 * of spaces one space, no dot or space at the end, at most 60 characters.
 * Norwegian letters stay.
 */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/[. ]+$/, '');
  return stem.length > 0 ? stem : 'Ordrebok';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-04 1630": the local date and time in a backup's name. */
export function localStamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}${pad(at.getMinutes())}`;
}

/** The file name of a backup; `n` > 1 when a backup of the same minute exists already. */
export function backupFileName(companyName: string, at: Date, automatic: boolean, n = 1): string {
  return `${safeFileStem(companyName)} ${localStamp(at)}${automatic ? ' auto' : ''}${n > 1 ? ` (${n})` : ''}${BACKUP_EXTENSION}`;
}

export interface ParsedBackupName {
  readonly stem: string;
  /** "2026-12-04 1630" */
  readonly stamp: string;
  readonly automatic: boolean;
  readonly n: number;
}

const NAME_PATTERN = /^(.+) (\d{4}-\d{2}-\d{2} \d{4})( auto)?(?: \((\d+)\))?\.ordrebok$/;

export function parseBackupFileName(fileName: string): ParsedBackupName | null {
  const m = NAME_PATTERN.exec(fileName);
  if (!m) return null;
  return { stem: m[1]!, stamp: m[2]!, automatic: m[3] !== undefined, n: m[4] ? Number(m[4]) : 1 };
}

/** The local time a backup's name gives, or null for a name of another form. */
export function takenAtFromName(fileName: string): Date | null {
  const p = parseBackupFileName(fileName);
  if (!p) return null;
  const [date, time] = p.stamp.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(y, mo - 1, d, Number(time.slice(0, 2)), Number(time.slice(2, 4)));
  return Number.isNaN(at.getTime()) || at.getMonth() !== mo - 1 ? null : at;
}

/**
 * The automatic backups of this company to delete so that the newest `keep`
 * remain: names of the automatic form with this company's stem, oldest first.
 * Every other file in the folder (the user's own backups, other companies',
 * anything else) is left alone.
 */
export function automaticBackupsToPrune(fileNames: readonly string[], companyName: string, keep: number): string[] {
  const stem = safeFileStem(companyName);
  const ours = fileNames
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((f) => f.parsed !== null && f.parsed.automatic && f.parsed.stem === stem)
    .sort((a, b) => a.parsed!.stamp.localeCompare(b.parsed!.stamp) || a.parsed!.n - b.parsed!.n);
  return ours.slice(0, Math.max(0, ours.length - Math.max(1, keep))).map((f) => f.name);
}

export type BackupWarning = 'missing' | 'old' | null;

export interface BackupAge {
  readonly warning: BackupWarning;
  /** Whole days since the newest backup (null when there is none). */
  readonly ageDays: number | null;
}

/** The top bar's rule: a warning when there is no backup, or the newest is more than BACKUP_WARNING_DAYS days old. */
export function backupAge(lastAt: Date | null, now: Date): BackupAge {
  if (!lastAt) return { warning: 'missing', ageDays: null };
  const ms = now.getTime() - lastAt.getTime();
  const ageDays = Math.max(0, Math.floor(ms / DAY_MS));
  return { warning: ms > BACKUP_WARNING_DAYS * DAY_MS ? 'old' : null, ageDays };
}

/** Whether the program should take its daily automatic backup now. */
export function automaticBackupDue(lastAutomaticAt: Date | null, now: Date): boolean {
  return !lastAutomaticAt || now.getTime() - lastAutomaticAt.getTime() >= AUTOMATIC_BACKUP_INTERVAL_MS;
}

/** The name the current company file is kept under when a backup replaces it: "firma før gjenoppretting 2026-12-04 163012.ordrebok". */
export function keptAsFileName(dataFileName: string, at: Date): string {
  const base = dataFileName.endsWith(BACKUP_EXTENSION) ? dataFileName.slice(0, -BACKUP_EXTENSION.length) : dataFileName;
  return `${safeFileStem(base)} før gjenoppretting ${localStamp(at)}${pad(at.getSeconds())}${BACKUP_EXTENSION}`;
}
