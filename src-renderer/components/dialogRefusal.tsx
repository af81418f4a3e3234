// A refusal in a per-line dialog (deliver, receive, dispatch …): what is about
// one line is shown under that line, anything else above the table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useLanguage, type BilingualText } from '../i18n';
import { refusalOf } from './refusal';

export interface DialogRefusal {
  readonly general: BilingualText | null;
  /** By line id. */
  readonly lines: Readonly<Record<number, BilingualText>>;
}
export const NO_DIALOG_REFUSAL: DialogRefusal = { general: null, lines: {} };

/** An engine refusal about `lines.i.…` goes under that line (lineIds[i]); anything else above the table. */
export function dialogRefusalOf(error: unknown, lineIds: readonly number[]): DialogRefusal {
  if (error instanceof ApiError && error.data.field) {
    const m = /^lines\.(\d+)\./.exec(error.data.field);
    const lineId = m ? lineIds[Number(m[1])] : undefined;
    if (lineId !== undefined) return { general: null, lines: { [lineId]: error.data.message } };
  }
  return { general: refusalOf(error, () => null).general, lines: {} };
}

/** The refusal row under a dialog's line. */
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

/**
 * The table of a per-line dialog: line number, product and description, then
 * the dialog's own columns, and a line's refusal in a row under it.
 */
export function LineTable<L extends { id: number; lineNo: number; productNumber: string; description: string }>(props: {
  lines: readonly L[];
  /** The header cells after the description. */
  head: ReactNode;
  /** The cells after the description. */
  cells: (line: L, index: number) => ReactNode;
  rowProps?: (line: L, index: number) => { 'data-testid'?: string; className?: string };
  errors: DialogRefusal['lines'];
  /** `${errorTestId}-${index}-error` */
  errorTestId: string;
  colSpan: number;
  foot?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <table className="dialog-grid">
      <thead>
        <tr>
          <th className="num">{t('order.line.no')}</th>
          <th>{t('order.line.product')}</th>
          <th>{t('order.line.description')}</th>
          {props.head}
        </tr>
      </thead>
      <tbody>
        {props.lines.map((l, i) => [
          <tr key={l.id} {...props.rowProps?.(l, i)}>
            <td className="num muted">{l.lineNo}</td>
            <td>{l.productNumber}</td>
            <td className="text">{l.description}</td>
            {props.cells(l, i)}
          </tr>,
          <LineError key={`${l.id}-e`} error={props.errors[l.id]} colSpan={props.colSpan} testId={`${props.errorTestId}-${i}-error`} />,
        ])}
      </tbody>
      {props.foot}
    </table>
  );
}
