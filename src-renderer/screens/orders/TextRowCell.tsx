// A heading or text row of the order lines grid, drawn across the whole row
// (AG Grid full-width row). The text is an input like the other cells; a
// heading is bold and shows its group's subtotal (excl. VAT) at the right.
// Locked with the order: the form's fieldset disables it when the order is invoiced.
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../shared/format';
import { useLanguage } from '../../i18n';
import type { LinesGridContext } from './lineCells';
import { useCellText } from './lineCells';
import type { LineRow } from './lineRows';
import { lineField } from './orderDraft';

export function TextRowCell(props: CustomCellRendererProps<LineRow, unknown, LinesGridContext>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const row = props.data!;
  const actions = props.context.actions;
  const heading = row.line.textKind === 'heading';
  const { text, setText, setFocused } = useCellText(row.line.description);
  const error = row.errors.description;
  const label = t(heading ? 'gridText.heading' : 'gridText.text');
  return (
    <div className={`text-row ${heading ? 'heading-row' : ''}`} data-testid={`line-${row.index}-row`} data-kind={row.line.textKind}>
      <span className="line-no num">{row.index + 1}</span>
      <input
        ref={actions.current.cellRef(row.uid, 'description')}
        className={`cell text-row-input ${error ? 'invalid' : ''}`}
        data-testid={`line-${row.index}-text`}
        data-field={lineField(row.uid, 'description')}
        aria-label={`${label} ${row.index + 1}`}
        aria-invalid={error ? true : undefined}
        title={error ? error[lang] : text}
        placeholder={label}
        value={text}
        maxLength={300}
        onFocus={(e) => {
          setFocused(true);
          e.target.select();
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          actions.current.onText(row.uid, 'description', e.target.value);
        }}
        onKeyDown={(e) => actions.current.onKey(e, row.uid, 'description', e.currentTarget.value)}
      />
      {heading ? (
        <span className="num text-row-subtotal" data-testid={`line-${row.index}-subtotal`} title={t('gridText.subtotalTitle')}>
          {t('gridText.subtotal')} {formatAmount(row.subtotal ?? 0)}
        </span>
      ) : null}
      <button
        type="button"
        tabIndex={-1}
        className="icon"
        aria-label={t('order.line.remove', { no: row.index + 1 })}
        title={`${t('order.line.remove', { no: row.index + 1 })} (Ctrl+Delete)`}
        data-testid={`line-${row.index}-remove`}
        onClick={() => actions.current.remove(row.uid)}
      >
        ×
      </button>
    </div>
  );
}
