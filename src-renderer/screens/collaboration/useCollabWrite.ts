// One way for the collaboration screens (comments, tasks, reminders, following, the
// bell) to write: busy while the call runs, the engine's refusal kept to show, and
// afterwards every read they share is asked again, the bell's count included.
import { useState } from 'react';
import type { ChannelName } from '../../../shared/catalog';
import { invalidate } from '../../api/queries';
import { refusalOf } from '../../components/refusal';
import type { BilingualText } from '../../i18n';

/** The reads a collaboration write can change. */
export const COLLABORATION_READS: readonly ChannelName[] = [
  'comments.list',
  'tasks.list',
  'tasks.mine',
  'notes.list',
  'follow.get',
  'notifications.list',
  'notifications.count',
  'activity.list',
];

export function useCollabWrite() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  /** Runs the call; resolves with its value, or null when the engine refused (then `error` says why). */
  const run = async <T>(call: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const value = await call();
      await invalidate(...COLLABORATION_READS);
      return value;
    } catch (e) {
      setError(refusalOf(e, () => null).general);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
