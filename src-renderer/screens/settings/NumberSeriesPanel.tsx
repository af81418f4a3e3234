// Settings → Nummerserier (issue 13): each series' next number, edited in its row
// (Enter saves, Esc puts it back), the highest number in use, and what the series
// numbers (two kinds of document where they share one series by design). What may
// be set is the engine's to say: a number in use, or any change of the gap-free
// invoice series after its first invoice, is refused, and the refusal is shown on
// the row it concerns.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberSeriesKey, NumberSeriesRow } from '../../../shared/channels/numberSeries';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';

/** Whole numbers as typed: digits, with spaces as thousands separators allowed ("20 001"). */
function parseWhole(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^\d{1,10}$/.test(compact) ? Number(compact) : null;
}

export function NumberSeriesPanel(props: { active: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useChannel('numberSeries.list', {}, { staleTime: 0 });
  const [drafts, setDrafts] = useState<Partial<Record<NumberSeriesKey, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<NumberSeriesKey, BilingualText>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const table = useRef<HTMLTableElement>(null);

  // Alt+U: into the first series' next number.
  useHotkeys(props.active, {
    'alt+u': () => table.current?.querySelector<HTMLInputElement>('input[data-series]')?.focus(),
  });

  /** What the clerk should know about a series: the gap-free rule, or numbers in use ahead that will be skipped. */
  const noteOf = (row: NumberSeriesRow): string => {
    if (row.gapFree) return row.editable ? t('numberSeries.gapFreeStart') : t('numberSeries.gapFreeFixed');
    return row.highestUsed !== null && row.highestUsed >= row.nextNumber ? t('numberSeries.stepsOver', { highest: row.highestUsed }) : '';
  };
  const shown = (row: NumberSeriesRow) => drafts[row.key] ?? String(row.nextNumber);
  const setError = (key: NumberSeriesKey, error: BilingualText | null) => setErrors((old) => ({ ...old, [key]: error ?? undefined }));
  const reset = (key: NumberSeriesKey) => {
    setDrafts((old) => ({ ...old, [key]: undefined }));
    setError(key, null);
  };

  const save = async (row: NumberSeriesRow) => {
    if (busy) return;
    const text = shown(row);
    const nextNumber = parseWhole(text);
    if (nextNumber === null || nextNumber < 1) {
      setError(row.key, bilingual('numberSeries.invalid'));
      return;
    }
    if (nextNumber === row.nextNumber) {
      reset(row.key);
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const saved = await invoke('numberSeries.save', { series: row.key, nextNumber });
      reset(row.key);
      setNotice(t('numberSeries.saved', { series: t(`numberSeries.series.${row.key}`), n: String(saved.nextNumber) }));
      await invalidate('numberSeries.list');
    } catch (e) {
      const r = refusalOf(e, () => 'nextNumber');
      setError(row.key, r.fields.nextNumber ?? r.general);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (row: NumberSeriesRow) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save(row);
    } else if (e.key === 'Escape') {
      // Put the saved number back; the screen's own Esc is left for when there is nothing to undo.
      if (drafts[row.key] !== undefined || errors[row.key]) {
        e.preventDefault();
        e.stopPropagation();
        reset(row.key);
        // Selected again, so the clerk can type another number straight away.
        const input = e.currentTarget;
        window.setTimeout(() => input.select(), 0);
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // Up and down move between the series, as in a grid.
      const inputs = [...(table.current?.querySelectorAll<HTMLInputElement>('input[data-series]') ?? [])];
      const i = inputs.indexOf(e.currentTarget);
      const to = inputs[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (to) {
        e.preventDefault();
        to.focus();
        to.select();
      }
    }
  };

  return (
    <section className="panel number-series-panel" data-testid="number-series-panel">
      <h2>
        {t('numberSeries.title')} <Shortcut keys="Alt+U" />
      </h2>
      <p className="muted small">{t('numberSeries.lead')}</p>
      {list.isError ? <Banner error={refusalOf(list.error, () => null).general} testId="series-load-error" /> : null}
      <table ref={table} className="side-grid number-series-grid" data-testid="series-table">
        <thead>
          <tr>
            <th>{t('numberSeries.col.series')}</th>
            <th>{t('numberSeries.col.numbers')}</th>
            <th className="num">{t('numberSeries.col.next')}</th>
            <th className="num">{t('numberSeries.col.highest')}</th>
            <th>{t('numberSeries.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((row) => {
            const error = errors[row.key];
            const changed = drafts[row.key] !== undefined && drafts[row.key] !== String(row.nextNumber);
            return (
              <tr key={row.key} data-testid={`series-row-${row.key}`} className={error ? 'refused' : changed ? 'changed' : ''}>
                <td className="strong">{t(`numberSeries.series.${row.key}`)}</td>
                <td>
                  {row.numbers.map((n) => t(`numberSeries.numbers.${n}`)).join(' + ')}
                  {row.numbers.length > 1 ? <span className="series-shared muted small"> · {t('numberSeries.shared')}</span> : null}
                </td>
                <td className="num">
                  <input
                    className="series-next"
                    data-series={row.key}
                    data-testid={`series-next-${row.key}`}
                    aria-label={t('numberSeries.nextOf', { series: t(`numberSeries.series.${row.key}`) })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `series-error-${row.key}` : undefined}
                    inputMode="numeric"
                    value={shown(row)}
                    readOnly={busy}
                    onFocus={(e) => e.currentTarget.select()}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setDrafts((old) => ({ ...old, [row.key]: value }));
                      setError(row.key, null);
                    }}
                    onKeyDown={onKeyDown(row)}
                  />
                </td>
                <td className="num" data-testid={`series-highest-${row.key}`}>
                  {row.highestUsed === null ? <span className="muted">{t('numberSeries.noneUsed')}</span> : String(row.highestUsed)}
                </td>
                <td className="series-note">
                  {error ? (
                    <span className="field-error" role="alert" id={`series-error-${row.key}`} data-testid={`series-error-${row.key}`}>
                      {error[lang]}
                    </span>
                  ) : (
                    <span className="muted small">{noteOf(row)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('numberSeries.keys')}</p>
      <Notice text={notice} testId="series-notice" />
    </section>
  );
}
