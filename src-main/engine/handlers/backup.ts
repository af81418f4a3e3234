// Backup and restore, and "Kontroller databasen" (issue 13). Backup and restore
// are tasks (handlers/types.ts): they run outside a transaction (services/backup.ts).
import { backupStatus, checkDatabase, inspectBackup, restoreBackup, saveBackupSettings, takeBackup } from '../services/backup';
import { reader, task, writer, type HandlerMap } from './types';

export const backupHandlers: HandlerMap<'backup.status' | 'backup.saveSettings' | 'backup.create' | 'backup.inspect' | 'backup.restore' | 'backup.check'> = {
  'backup.status': reader((_input, ctx) => backupStatus(ctx)),
  'backup.saveSettings': writer((input, ctx) => saveBackupSettings(ctx, input)),
  'backup.create': task((input, ctx) => takeBackup(ctx, { folder: input.folder, automatic: false })),
  'backup.inspect': reader((input, ctx) => inspectBackup(input.file, ctx.dataFile)),
  'backup.restore': task((input, ctx) => restoreBackup(ctx, input.file)),
  'backup.check': reader((_input, ctx) => checkDatabase(ctx)),
};
