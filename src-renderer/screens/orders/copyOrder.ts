// Copy an order (issue 10, item 15): the engine makes a saved draft with the
// same customer and lines at the same prices (orders.copy); the copy opens.
// Holding stock or going over the credit limit is asked about as on saving.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { refusalOf } from '../../components/refusal';
import { useConfirmedCall } from '../../components/useConfirmedCall';
import type { BilingualText } from '../../i18n';

export function useCopyOrder(
  onCopied: (id: number, notice: string) => void,
  onRefused: (message: BilingualText | null) => void,
): { run: (id: number, number: number) => void; dialog: ReactNode; busy: boolean } {
  const { t } = useTranslation();
  const flow = useConfirmedCall('copy-confirm');
  const run = (id: number, number: number) => {
    if (flow.busy) return;
    onRefused(null);
    void flow
      .run((confirm) => invoke('orders.copy', { id, confirm: { allowShortage: confirm.allowShortage ?? false } }), (e) => onRefused(refusalOf(e, () => null).general))
      .then((copy) => {
        if (!copy) return;
        void invalidate('orders.list', 'orders.statusCounts', 'activity.list', 'stock.get');
        onCopied(copy.id, t('orderStory.copy.done', { number: copy.number, source: number }));
      });
  };
  return { run, dialog: flow.dialog, busy: flow.busy };
}
