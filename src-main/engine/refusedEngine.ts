// An engine for a company file that was refused at open (a newer version's
// file, a damaged, empty or foreign file): it never touches the file, answers
// system.bootstrap with the refusal, so that the app can show the user what is
// wrong with which file and what to do, and refuses every other channel with
// the same error. The host, npm start and the Electron shell serve it instead of
// stopping.
import { isChannelName } from '../../shared/catalog';
import type { Bootstrap } from '../../shared/channels/system';
import { DomainError, errorData, type DomainErrorData } from '../../shared/errors';
import { isoToday } from './context';
import { openEngine, type Engine, type EngineOptions } from './engine';

export interface RefusedEngineOptions {
  readonly file: string;
  readonly refusal: DomainErrorData;
  readonly appVersion?: string;
  readonly clock?: () => Date;
}

export function refusedEngine(opts: RefusedEngineOptions): Engine {
  const clock = opts.clock ?? (() => new Date());
  const schemaVersion = typeof opts.refusal.params.found === 'number' ? opts.refusal.params.found : 0;
  const answer = (channel: unknown) => {
    if (channel === 'system.bootstrap') {
      const value: Bootstrap = {
        companyExists: false,
        dataFile: opts.file,
        schemaVersion,
        appVersion: opts.appVersion ?? '0.1.0',
        today: isoToday(clock()),
        readOnly: true,
        fileProblem: { error: opts.refusal, readable: false },
      };
      return { ok: true as const, value };
    }
    if (!isChannelName(channel)) {
      return { ok: false as const, error: errorData('unknown_channel', null, { channel: String(channel).slice(0, 64) }) };
    }
    return { ok: false as const, error: opts.refusal };
  };
  return {
    file: opts.file,
    migration: { from: schemaVersion, to: schemaVersion, backupFile: null },
    readOnly: true,
    refusal: opts.refusal,
    call: async (channel) => answer(channel) as never,
    callUnknown: async (channel) => answer(channel),
    automaticBackup: async () => ({ ok: true as const, value: null }),
    fingerprint() {
      throw new DomainError(opts.refusal.code, null, opts.refusal.params);
    },
    close() {
      // Nothing was opened.
    },
  };
}

/**
 * openEngine, or a refused engine when the file is refused (a DomainError at
 * open). Any other failure (a missing native module, a failing migration) still throws.
 */
export async function openEngineOrRefusal(opts: EngineOptions): Promise<Engine> {
  try {
    return await openEngine(opts);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return refusedEngine({
      file: opts.file,
      refusal: err.data,
      ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
    });
  }
}
