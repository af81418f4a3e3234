// Irreversible steps ask first (issue 10, item 3): an invoice, a collective
// invoice, a credit note. The engine says what the step would do (it runs the
// step itself and undoes it: invoicing.preview); the clerk reads the amount,
// the lines and the backorder, and confirms with Enter or backs out with Esc.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoicePreview, InvoicingPreviewInput, StoryLine } from '../../../shared/channels/orderStory';
import { formatAmount, formatNok, formatPercentBp, formatQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { Dialog } from '../../components/Dialog';

/** "3 × DRILL Drill 18V, 1 × BROD Brød", the first few of them. */
export function storyLinesText(lines: readonly StoryLine[], max = 4): string {
  const shown = lines.slice(0, max).map((l) => `${formatQuantity(l.quantity)} × ${[l.productNumber, l.description].filter(Boolean).join(' ')}`);
  return lines.length > max ? `${shown.join(', ')} …` : shown.join(', ');
}

export interface AskFirst {
  readonly title: string;
  readonly confirmLabel: string;
  readonly testId: string;
  readonly request: InvoicingPreviewInput;
  /** What else the step does, in a word (a collective invoice's orders change status). */
  readonly note?: string;
  readonly onConfirm: () => void;
  /** The preview was refused: the step would be refused the same way. */
  readonly onRefused: (error: unknown) => void;
}

/** Shows the dialog once the engine has answered, so that Enter lands on the confirm button. */
export function InvoicePreviewDialog(props: AskFirst & { onCancel: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<InvoicePreview | null>(null);
  const { request, onRefused } = props;
  useEffect(() => {
    let live = true;
    invoke('invoicing.preview', request).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && onRefused(e),
    );
    return () => {
      live = false;
    };
    // One request per opening.
  }, []);
  if (!preview) return null;
  return (
    <Dialog
      title={props.title}
      testId={props.testId}
      wide
      busy={props.busy ?? false}
      submitLabel={props.confirmLabel}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={props.onConfirm}
    >
      <PreviewBody preview={preview} request={request} testId={props.testId} />
      {props.note ? <p className="muted small">{props.note}</p> : null}
    </Dialog>
  );
}

function PreviewBody(props: { preview: InvoicePreview; request: InvoicingPreviewInput; testId: string }) {
  const { t } = useTranslation();
  const p = props.preview;
  const id = props.testId;
  const lead = t(p.kind === 'credit_note' ? 'orderStory.preview.creditLead' : 'orderStory.preview.invoiceLead', {
    customer: p.customerName,
    amount: formatNok(p.payableOre),
    count: p.lines.length,
  });
  const many = p.orderNumbers.length > 1;
  let outcome: ReactNode = null;
  if (props.request.kind === 'order') {
    outcome = p.backorder
      ? t('orderStory.preview.backorder', { count: p.backorder.lines.length, lines: storyLinesText(p.backorder.lines) })
      : p.remainsOpen.length > 0
        ? t('orderStory.preview.remainsOpen', { lines: storyLinesText(p.remainsOpen) })
        : t('orderStory.preview.noBackorder');
  } else if (p.kind === 'credit_note') {
    outcome = p.returnToStock ? t('orderStory.preview.returnToStock') : t('orderStory.preview.noReturn');
  }
  return (
    <div className="invoice-preview">
      <p className="strong" data-testid={`${id}-lead`}>
        {lead}
      </p>
      {many ? <p data-testid={`${id}-orders`}>{t('orderStory.preview.orders', { numbers: p.orderNumbers.join(', ') })}</p> : null}
      <div className="invoice-preview-lines">
        <table className="dialog-grid" data-testid={`${id}-lines`}>
          <thead>
            <tr>
              {many ? <th className="num">{t('orderStory.preview.order')}</th> : null}
              <th className="num">{t('orderStory.preview.lineNo')}</th>
              <th>{t('orderStory.preview.product')}</th>
              <th>{t('orderStory.preview.description')}</th>
              <th className="num">{t('orderStory.preview.quantity')}</th>
              <th className="num">{t('orderStory.preview.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((l, i) => (
              <tr key={i} data-testid={`${id}-line-${i}`}>
                {many ? <td className="num">{l.orderNumber ?? ''}</td> : null}
                <td className="num">{l.lineNo ?? ''}</td>
                <td>{l.productNumber ?? ''}</td>
                <td className="text">{l.description}</td>
                <td className="num">{formatQuantity(l.quantity)}</td>
                <td className="num">{l.amountOre === null ? '' : formatAmount(l.amountOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="invoice-preview-totals" data-testid={`${id}-totals`}>
        <dt>{t('orderStory.preview.net')}</dt>
        <dd>{formatAmount(p.netOre)}</dd>
        {p.byRate
          .filter((r) => r.vatOre !== 0 || r.rateBp > 0)
          .map((r) => (
            <FragmentRow
              key={r.vatCode}
              label={t('orderStory.preview.vatLine', { rate: formatPercentBp(r.rateBp), base: formatAmount(r.baseOre) })}
              value={formatAmount(r.vatOre)}
            />
          ))}
        {p.roundingOre !== 0 ? <FragmentRow label={t('orderStory.preview.rounding')} value={formatAmount(p.roundingOre)} /> : null}
        <dt className="strong">{t('orderStory.preview.gross')}</dt>
        <dd className="strong" data-testid={`${id}-gross`}>
          {formatAmount(p.payableOre)}
        </dd>
      </dl>
      {p.deliversRemaining ? <p data-testid={`${id}-delivers`}>{t('orderStory.preview.deliversRemaining')}</p> : null}
      {outcome ? <p data-testid={`${id}-outcome`}>{outcome}</p> : null}
      <p className="muted small">{p.kind === 'credit_note' ? t('orderStory.preview.finalCredit') : t('orderStory.preview.final')}</p>
    </div>
  );
}

function FragmentRow(props: { label: string; value: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </>
  );
}

/** State for one question at a time: `ask` opens it, `dialog` renders it. */
export function useAskFirst(busy = false): { ask: (q: AskFirst) => void; dialog: ReactNode } {
  const [question, setQuestion] = useState<(AskFirst & { seq: number }) | null>(null);
  const dialog = question ? (
    <InvoicePreviewDialog
      key={question.seq}
      {...question}
      busy={busy}
      onCancel={() => setQuestion(null)}
      onConfirm={() => {
        setQuestion(null);
        question.onConfirm();
      }}
      onRefused={(e) => {
        setQuestion(null);
        question.onRefused(e);
      }}
    />
  ) : null;
  return { ask: (q) => setQuestion({ ...q, seq: Date.now() }), dialog };
}
