// Settings → Statusløp (issue 13): the sales statuses in flow order with their
// kind, labels, visibility, colour and how many orders stand in each. The kind
// decides what an order in the status does (the engine's kind sets); the
// administrator decides the words, the order, what is shown and the colour.
// Keys in the list: ↑/↓ choose, Alt+↑/Alt+↓ move the status, F2 or Enter edit,
// H hide or show, Delete remove, Alt+N new status, Alt+B switch preset. A preset
// switch and a removal open the mapping of orders to the new flow, as the engine
// previews it (refused moves said on their row).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowStatus, FlowView } from '../../../shared/channels/statusFlow';
import { STATUS_KINDS, STATUS_KIND_LABELS, STATUS_PRESETS, type Language, type StatusKind, type StatusPreset } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner, CheckboxField, FormScopeProvider, Notice, SelectField, TextField } from '../../components/fields';
import { NO_REFUSAL, refusalOf, type Refusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage } from '../../i18n';

/** Every read that shows statuses: the tabs, the status bar (Alt+→), the lists, the order. */
const AFTER_CHANGE = ['statusFlow.get', 'statuses.list', 'orders.statusCounts', 'orders.list', 'orders.get', 'company.get', 'system.bootstrap'] as const;

const kindLabel = (kind: StatusKind, lang: Language) => STATUS_KIND_LABELS[kind][lang === 'en' ? 'en' : 'nb'];
const label = (s: { labelNb: string; labelEn: string }, lang: Language) => (lang === 'en' ? s.labelEn : s.labelNb);

export function StatusFlowPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const flow = useChannel('statusFlow.get', {}, { staleTime: 0 });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<FlowStatus | 'new' | null>(null);
  const [change, setChange] = useState<{ preset: StatusPreset } | { remove: FlowStatus } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const focusAfter = useRef<number | null>(null);
  const statuses = flow.data?.statuses ?? [];
  const selected = statuses.find((s) => s.id === selectedId) ?? null;

  useEffect(() => {
    if (focusAfter.current !== null) {
      rows.current.get(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const run = async (call: () => Promise<FlowView>, done: string, focusId: number | null = null) => {
    setRefusal(NO_REFUSAL);
    setNotice(null);
    try {
      await call();
      setNotice(done);
      focusAfter.current = focusId;
      await invalidate(...AFTER_CHANGE);
    } catch (e) {
      setRefusal(refusalOf(e, () => null));
    }
  };

  const move = (s: FlowStatus, by: -1 | 1) => {
    const ids = statuses.map((x) => x.id);
    const i = ids.indexOf(s.id);
    if (i + by < 0 || i + by >= ids.length) return;
    ids.splice(i, 1);
    ids.splice(i + by, 0, s.id);
    void run(() => invoke('statusFlow.reorder', { ids }), t('statusFlow.moved', { status: label(s, lang) }), s.id);
  };
  const toggleHidden = (s: FlowStatus) =>
    void run(
      () => invoke('statusFlow.update', { id: s.id, labelNb: s.labelNb, labelEn: s.labelEn, hidden: !s.hidden, colour: s.colour }),
      t(s.hidden ? 'statusFlow.shown' : 'statusFlow.hiddenDone', { status: label(s, lang) }),
      s.id,
    );
  // The dialog starts on another preset than the one in force (switching to that one is refused).
  const startSwitch = () => flow.data && setChange({ preset: STATUS_PRESETS.find((p) => p !== flow.data?.preset) ?? flow.data.preset });

  const choose = (i: number) => {
    const s = statuses[Math.max(0, Math.min(statuses.length - 1, i))];
    if (s) {
      setSelectedId(s.id);
      rows.current.get(s.id)?.focus();
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, s: FlowStatus, i: number) => {
    const key = e.key;
    let handled = true;
    if (e.altKey && key === 'ArrowUp') move(s, -1);
    else if (e.altKey && key === 'ArrowDown') move(s, 1);
    else if (e.altKey || e.ctrlKey || e.metaKey) handled = false;
    else if (key === 'ArrowUp') choose(i - 1);
    else if (key === 'ArrowDown') choose(i + 1);
    else if (key === 'Home') choose(0);
    else if (key === 'End') choose(statuses.length - 1);
    else if (key === 'F2' || key === 'Enter') setEditing(s);
    else if (key === 'h' || key === 'H') toggleHidden(s);
    else if (key === 'Delete') setChange({ remove: s });
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // The panel's own keys, while focus is inside it (the settings screen has other panels).
  const onPanelKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.code === 'KeyN') setEditing('new');
    else if (e.code === 'KeyB') startSwitch();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className="panel status-flow-panel" data-testid="status-flow-panel" onKeyDown={onPanelKey} aria-labelledby="status-flow-title">
      <h2 id="status-flow-title">{t('statusFlow.title')}</h2>
      <p className="muted small">{t('statusFlow.lead')}</p>
      <div className="status-flow-bar">
        <span className="status-flow-preset" data-testid="sf-preset">
          {t('statusFlow.preset')}: <strong>{flow.data ? t(`company.presets.${flow.data.preset}`) : ''}</strong>
        </span>
        <button type="button" data-testid="sf-switch" onClick={startSwitch} disabled={!flow.data}>
          {t('statusFlow.switch')} <Shortcut keys="Alt+B" />
        </button>
        <button type="button" className="primary" data-testid="sf-add" onClick={() => setEditing('new')}>
          + {t('statusFlow.add')} <Shortcut keys="Alt+N" />
        </button>
      </div>
      <Banner error={flow.isError ? refusalOf(flow.error, () => null).general : refusal.general} testId="sf-error" />
      <Notice text={notice} testId="sf-notice" />
      <table className="side-grid status-flow-grid" data-testid="sf-table" aria-label={t('statusFlow.title')}>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('statusFlow.col.labelNb')}</th>
            <th>{t('statusFlow.col.labelEn')}</th>
            <th>{t('statusFlow.col.kind')}</th>
            <th className="num">{t('statusFlow.col.orders')}</th>
            <th>{t('statusFlow.col.shown')}</th>
            <th>{t('statusFlow.col.colour')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s, i) => {
            const isSelected = s.id === (selected?.id ?? statuses[0]?.id);
            return (
              <tr
                key={s.id}
                ref={(el) => {
                  if (el) rows.current.set(s.id, el);
                  else rows.current.delete(s.id);
                }}
                tabIndex={isSelected ? 0 : -1}
                aria-selected={isSelected}
                className={`${isSelected ? 'selected' : ''} ${s.hidden ? 'muted' : ''}`}
                data-testid={`sf-row-${s.id}`}
                data-label={s.labelNb}
                onClick={() => setSelectedId(s.id)}
                onFocus={() => setSelectedId(s.id)}
                onDoubleClick={() => setEditing(s)}
                onKeyDown={(e) => onRowKey(e, s, i)}
              >
                <td className="num muted">{i + 1}</td>
                <td className="strong">{s.labelNb}</td>
                <td>{s.labelEn}</td>
                <td>{kindLabel(s.kind, lang)}</td>
                <td className="num">{s.orders}</td>
                <td>{s.hidden ? t('statusFlow.hidden') : s.inFlow ? t('statusFlow.inFlow') : t('statusFlow.tabOnly')}</td>
                <td>
                  {s.colour ? (
                    <span className="status-swatch" style={{ background: s.colour }} title={s.colour} aria-label={s.colour} />
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="status-flow-keys muted small" data-testid="sf-keys">
        <Shortcut keys="↑/↓" label={t('statusFlow.keys.choose')} /> <Shortcut keys="Alt+↑/↓" label={t('statusFlow.keys.move')} />{' '}
        <Shortcut keys="F2" label={t('statusFlow.keys.edit')} /> <Shortcut keys="H" label={t('statusFlow.keys.hide')} />{' '}
        <Shortcut keys="Delete" label={t('statusFlow.keys.remove')} />
      </div>
      {editing ? (
        <StatusDialog
          status={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name, id) => {
            setEditing(null);
            setRefusal(NO_REFUSAL);
            setNotice(t('statusFlow.saved', { status: name }));
            focusAfter.current = id;
            void invalidate(...AFTER_CHANGE);
          }}
        />
      ) : null}
      {change && flow.data ? (
        <ChangeDialog
          current={flow.data}
          change={change}
          onClose={() => setChange(null)}
          onDone={(text) => {
            setChange(null);
            setRefusal(NO_REFUSAL);
            setNotice(text);
            void invalidate(...AFTER_CHANGE);
          }}
        />
      ) : null}
    </section>
  );
}

/** Rename, colour, hide (an existing status) or add one of a kind. */
function StatusDialog(props: {
  status: FlowStatus | null;
  onClose: () => void;
  onSaved: (name: string, id: number | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = props.status;
  const [labelNb, setLabelNb] = useState(s?.labelNb ?? '');
  const [labelEn, setLabelEn] = useState(s?.labelEn ?? '');
  const [kind, setKind] = useState<StatusKind>(s?.kind ?? 'confirmed');
  const [colour, setColour] = useState(s?.colour ?? '');
  const [hidden, setHidden] = useState(s?.hidden ?? false);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const col = colour.trim() ? colour.trim() : null;
      const view = s
        ? await invoke('statusFlow.update', { id: s.id, labelNb, labelEn, hidden, colour: col })
        : await invoke('statusFlow.add', { kind, labelNb, labelEn, colour: col });
      const saved = s ? s.id : (view.statuses.find((x) => x.labelNb === labelNb.trim())?.id ?? null);
      props.onSaved(labelNb.trim(), saved);
    } catch (e) {
      setRefusal(refusalOf(e, (path) => (['labelNb', 'labelEn', 'colour', 'hidden', 'kind'].includes(path) ? path : null)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={s ? t('statusFlow.form.editTitle', { status: label(s, lang) }) : t('statusFlow.form.newTitle')}
      testId="sf-dialog"
      busy={busy}
      onCancel={props.onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
    >
      <Banner error={refusal.general} testId="sf-dialog-error" />
      <FormScopeProvider prefix="sf" errors={refusal.fields}>
        <div className="form-grid cols-2">
          <TextField name="labelNb" label={t('statusFlow.form.labelNb')} value={labelNb} maxLength={40} onChange={setLabelNb} />
          <TextField name="labelEn" label={t('statusFlow.form.labelEn')} value={labelEn} maxLength={40} onChange={setLabelEn} />
          <SelectField
            name="kind"
            label={t('statusFlow.form.kind')}
            value={kind}
            disabled={!!s}
            hint={s ? t('statusFlow.form.kindFixed') : t('statusFlow.form.kindHint')}
            onChange={(x) => setKind(x as StatusKind)}
            options={STATUS_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
          />
          <div className="status-colour-field">
            <TextField name="colour" label={t('statusFlow.form.colour')} value={colour} placeholder="#1f6feb" maxLength={7} onChange={setColour} />
            <span className="status-swatch large" style={{ background: /^#[0-9a-fA-F]{6}$/.test(colour.trim()) ? colour.trim() : 'transparent' }} aria-hidden />
          </div>
          {s ? <CheckboxField name="hidden" label={t('statusFlow.form.hidden')} checked={hidden} span={2} onChange={setHidden} /> : null}
        </div>
      </FormScopeProvider>
    </Dialog>
  );
}

/**
 * Switch preset or remove a status: the engine's preview of where the orders of
 * each status go (a status of the same kind by default; the administrator may
 * pick another), with the refusal of a move that would change stock or invoicing
 * on its row. Applying is one transaction.
 */
function ChangeDialog(props: {
  current: FlowView;
  change: { preset: StatusPreset } | { remove: FlowStatus };
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const removing = 'remove' in props.change ? props.change.remove : null;
  const [preset, setPreset] = useState<StatusPreset>('preset' in props.change ? props.change.preset : props.current.preset);
  const [targets, setTargets] = useState<ReadonlyMap<number, number>>(new Map());
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const [busy, setBusy] = useState(false);
  const input = removing
    ? { removeId: removing.id, targets: [...targets].map(([statusId, targetId]) => ({ statusId, targetId })) }
    : { preset, targets: [...targets].map(([statusId, targetId]) => ({ statusId, targetId })) };
  const preview = useChannel('statusFlow.preview', input, { staleTime: 0, keepPrevious: true });
  const moves = preview.data?.moves ?? [];
  const refused = moves.find((m) => m.refusal);

  const submit = async () => {
    setRefusal(NO_REFUSAL);
    if (refused?.refusal) {
      setRefusal({ fields: {}, general: refused.refusal.message });
      return;
    }
    setBusy(true);
    try {
      await invoke('statusFlow.apply', input);
      props.onDone(removing ? t('statusFlow.change.removed', { status: label(removing, lang) }) : t('statusFlow.change.switched', { preset: t(`company.presets.${preset}`) }));
    } catch (e) {
      setRefusal(refusalOf(e, () => null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={removing ? t('statusFlow.change.removeTitle', { status: label(removing, lang) }) : t('statusFlow.change.switchTitle')}
      testId="sf-change"
      wide
      busy={busy || preview.isFetching}
      danger={!!removing}
      onCancel={props.onClose}
      onSubmit={() => void submit()}
      submitLabel={removing ? t('statusFlow.change.remove') : t('statusFlow.change.switch')}
      cancelLabel={t('common.cancel')}
    >
      <Banner error={preview.isError ? refusalOf(preview.error, () => null).general : refusal.general} testId="sf-change-error" />
      <FormScopeProvider prefix="sf-change" errors={{}}>
        {removing ? null : (
          <div className="form-grid cols-2">
            <SelectField
              name="preset"
              label={t('statusFlow.change.newPreset')}
              value={preset}
              onChange={(x) => {
                setPreset(x as StatusPreset);
                setTargets(new Map());
                setRefusal(NO_REFUSAL);
              }}
              options={STATUS_PRESETS.map((p) => ({ value: p, label: t(`company.presets.${p}`) }))}
            />
          </div>
        )}
      </FormScopeProvider>
      <p className="muted small">{removing ? t('statusFlow.change.removeLead') : t('statusFlow.change.switchLead')}</p>
      {preview.data && moves.length === 0 ? (
        <p data-testid="sf-change-none">{t('statusFlow.change.noOrders')}</p>
      ) : (
        <table className="side-grid status-flow-mapping" data-testid="sf-mapping">
          <thead>
            <tr>
              <th>{t('statusFlow.change.col.status')}</th>
              <th>{t('statusFlow.change.col.kind')}</th>
              <th className="num">{t('statusFlow.change.col.orders')}</th>
              <th>{t('statusFlow.change.col.target')}</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m) => (
              <tr key={m.statusId} className={m.refusal ? 'refused' : ''} data-testid={`sf-move-${m.statusId}`} data-label={m.labelNb}>
                <td className="strong">{label(m, lang)}</td>
                <td>{kindLabel(m.kind, lang)}</td>
                <td className="num">{m.orders}</td>
                <td>
                  <select
                    aria-label={t('statusFlow.change.targetFor', { status: label(m, lang) })}
                    data-testid={`sf-target-${m.statusId}`}
                    value={m.targetId}
                    onChange={(e) => {
                      setRefusal(NO_REFUSAL);
                      setTargets((ts) => new Map(ts).set(m.statusId, Number(e.target.value)));
                    }}
                  >
                    {(preview.data?.targets ?? []).map((tg) => (
                      <option key={tg.id} value={tg.id}>
                        {label(tg, lang)} ({kindLabel(tg.kind, lang)}){tg.hidden ? ` · ${t('statusFlow.change.hiddenTarget')}` : ''}{tg.id === m.defaultTargetId ? ` – ${t('statusFlow.change.default')}` : ''}
                      </option>
                    ))}
                  </select>
                  {m.refusal ? (
                    <div className="field-error" role="alert" data-testid={`sf-refusal-${m.statusId}`}>
                      {m.refusal.message[lang === 'en' ? 'en' : 'nb']}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
