// Pieces the purchase dialogs share: a refusal shown under the line it names,
// quantities as the clerk types them, and mapping an engine refusal
// ("lines.2.quantity") back to the line it was about.
import { ApiError } from '../../api/client';
import { refusalOf } from '../../components/refusal';
import { useLanguage, type BilingualText } from '../../i18n';
import type { DialogRefusal } from '../orders/ProcessDialogs';
import { formatQuantity } from '../../../shared/format';

export const qtyText = (q: number): string => formatQuantity(q, { separator: ' ' });

export function LineError(props: { error: BilingualText | undefined; colSpan: number; testId: string }) {
  const lang = useLanguage();
  if (!props.error) return null;
  return (
    <tr className="line-error-row">
      <td colSpan={props.colSpan} role="alert" data-testid={props.testId}>
        {props.error[lang]}
      </td>
    </tr>
  );
}

/** An engine refusal about `lines.i.…` goes under that line (lineIds[i]); anything else above the table. */
export function dialogRefusalOf(error: unknown, lineIds: readonly number[]): DialogRefusal {
  if (error instanceof ApiError && error.data.field) {
    const m = /^lines\.(\d+)\./.exec(error.data.field);
    const lineId = m ? lineIds[Number(m[1])] : undefined;
    if (lineId !== undefined) return { general: null, lines: { [lineId]: error.data.message } };
  }
  return { general: refusalOf(error, () => null).general, lines: {} };
}
