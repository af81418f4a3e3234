// The program's own backups (issue 13): one as the program starts, then a look
// every hour whether the last automatic one is a day old, while it runs. The
// host (npm run start:web) and the Electron shell start it once the engine is
// open; the engine decides what is due and where it goes (services/backup.ts).
import type { Engine } from './engine';

export interface BackupSchedule {
  /** The backup taken at start (resolves once it is done or refused). */
  readonly first: Promise<void>;
  stop(): void;
}

export interface BackupScheduleOptions {
  /** Told what was backed up, and why a backup could not be taken (never a payload). */
  readonly log?: (line: string) => void;
  readonly checkEveryMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

export function scheduleAutomaticBackups(engine: Pick<Engine, 'automaticBackup'>, opts: BackupScheduleOptions = {}): BackupSchedule {
  const log = opts.log ?? (() => undefined);
  let running: Promise<void> | null = null;
  const run = (onlyIfDue: boolean): Promise<void> => {
    // One at a time: a slow disk never stacks them up.
    running ??= engine
      .automaticBackup({ onlyIfDue })
      .then((r) => {
        if (!r.ok) log(`Automatisk sikkerhetskopi kunne ikke tas / automatic backup failed: ${r.error.message.nb} / ${r.error.message.en}`);
        else if (r.value) log(`Automatisk sikkerhetskopi / automatic backup: ${r.value.file}`);
      })
      .catch((err: unknown) => log(`Automatisk sikkerhetskopi feilet / automatic backup failed: ${String(err)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = run(false);
  const timer = setInterval(() => void run(true), opts.checkEveryMs ?? HOUR_MS);
  timer.unref?.();
  return { first, stop: () => clearInterval(timer) };
}
