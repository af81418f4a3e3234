// What went to which invoice and which backorder (issue 10, item 6): under each
// invoice the order's lines on it, then the backorders made from the order,
// each with a button to open it (Tab reaches them; Enter opens).
import { useTranslation } from 'react-i18next';
import type { OrderStory, StoryInvoice } from '../../../shared/channels/orderStory';
import { formatQuantity } from '../../../shared/format';
import { useStatuses } from '../../api/queries';
import { useLanguage } from '../../i18n';
import { storyLinesText } from './InvoicePreviewDialog';
import { statusLabel } from './labels';

/** The order's lines on one invoice, as a row under it. */
export function InvoiceStoryRow(props: { invoice: StoryInvoice | undefined; index: number; columns: number }) {
  const { t } = useTranslation();
  const inv = props.invoice;
  if (!inv || inv.lines.length === 0) return null;
  return (
    <tr className="story-lines" data-testid={`invoice-row-${props.index}-lines`}>
      <td colSpan={props.columns}>
        {inv.lines.map((l, i) => (
          <div key={i}>
            {t('orderStory.story.onInvoice', {
              lineNo: l.lineNo ?? '',
              quantity: formatQuantity(l.quantity),
              product: [l.productNumber, l.description].filter(Boolean).join(' '),
            })}
          </div>
        ))}
        {inv.otherOrderNumbers.length > 0 ? (
          <div className="muted">{t('orderStory.story.alsoOrders', { numbers: inv.otherOrderNumbers.join(', ') })}</div>
        ) : null}
      </td>
    </tr>
  );
}

/** The backorders made from the order, and the order a backorder came from. */
export function BackordersSection(props: { story: OrderStory | undefined; onOpenOrder: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const statuses = useStatuses();
  const story = props.story;
  if (!story) return null;
  const open = (id: number, number: number, testId: string) => (
    <button type="button" className="small" data-testid={testId} title={t('orderStory.story.openTitle', { number })} onClick={() => props.onOpenOrder(id)}>
      {t('orderStory.story.open')}
    </button>
  );
  return (
    <div className="story-backorders" data-testid="story-backorders">
      {story.backorderOf ? (
        <p className="story-source" data-testid="story-backorder-of">
          {t('orderStory.story.backorderOf', { number: story.backorderOf.number })} {open(story.backorderOf.id, story.backorderOf.number, 'story-backorder-of-open')}
        </p>
      ) : null}
      <h3>{t('orderStory.story.backorders')}</h3>
      {story.backorders.length === 0 ? (
        <p className="muted" data-testid="story-no-backorders">
          {t('orderStory.story.noBackorders')}
        </p>
      ) : (
        <ul className="story-backorder-list">
          {story.backorders.map((b, i) => (
            <li key={b.id} className="story-backorder" data-testid={`backorder-row-${i}`}>
              <div>
                <span className="strong" data-testid={`backorder-row-${i}-number`}>
                  {t('orderStory.story.backorder', { number: b.number })}
                </span>{' '}
                <span className="muted small">{statusLabel(statuses.data?.find((s) => s.id === b.statusId), lang)}</span>
                <div className="small" data-testid={`backorder-row-${i}-lines`}>
                  {storyLinesText(b.lines, 6)}
                </div>
              </div>
              {open(b.id, b.number, `backorder-row-${i}-open`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
