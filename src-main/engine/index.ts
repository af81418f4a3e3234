export { openEngine, type Engine, type EngineOptions } from './engine';
export { openEngineOrRefusal, refusedEngine } from './refusedEngine';
export type { CallContext } from './context';
export { scheduleAutomaticBackups, type BackupSchedule } from './backupSchedule';
