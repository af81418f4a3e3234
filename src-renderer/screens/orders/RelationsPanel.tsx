// Relations of an order (issue 12): what the order is linked to, the links the
// program made (quote → order, backorders, amendments, the project) and those a
// clerk made, alike. Enter opens the other record; Delete removes a manual link.
// A link is added by typing an order, purchase order or project number.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relation, RelationCandidate } from '../../../shared/channels/relations';
import { formatDateTime } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';

export function RelationsPanel(props: { orderId: number; onOpen: (other: RelationCandidate) => void; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const relations = useChannel('relations.list', { orderId: props.orderId }, { staleTime: 0 });
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<readonly RelationCandidate[] | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const [removing, setRemoving] = useState<Relation | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const choices = useRef<HTMLUListElement>(null);

  useEffect(() => field.current?.focus(), []);

  const what = (o: RelationCandidate) => `${t(`files.relations.kinds.${o.kind}`).toLowerCase()} ${o.number}`;

  const find = async () => {
    setError(null);
    const q = query.trim();
    if (!q) return;
    try {
      const found = await invoke('relations.find', { orderId: props.orderId, query: q });
      if (found.length === 1) return void add(found[0]!);
      setCandidates(found);
      if (found.length === 0) setError(bilingual('files.relations.noMatch', { query: q }));
      else window.setTimeout(() => choices.current?.querySelector('button')?.focus(), 0);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    }
  };

  const add = async (to: RelationCandidate) => {
    setCandidates(null);
    try {
      await invoke('relations.add', { orderId: props.orderId, to: { kind: to.kind === 'project' ? 'project' : 'order', id: to.id } });
      setQuery('');
      props.onNotice(t('files.relations.added', { what: what(to) }));
      await invalidate('relations.list', 'activity.list');
      field.current?.focus();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    }
  };

  const remove = async (r: Relation) => {
    setRemoving(null);
    if (r.id === null) return;
    try {
      await invoke('relations.remove', { id: r.id });
      props.onNotice(t('files.relations.removed', { what: what(r.other) }));
      await invalidate('relations.list', 'activity.list');
      field.current?.focus();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, r: Relation) => {
    const move = (to: Element | null | undefined) => to instanceof HTMLElement && to.focus();
    if (e.key === 'Enter') props.onOpen(r.other);
    else if (e.key === 'Delete' && r.id !== null) setRemoving(r);
    else if (e.key === 'ArrowDown') move(e.currentTarget.nextElementSibling);
    else if (e.key === 'ArrowUp') move(e.currentTarget.previousElementSibling);
    else return;
    e.preventDefault();
  };

  return (
    <div className="side-section relations-panel" data-testid="relations-panel">
      <label className="relations-add">
        <span>{t('files.relations.addLabel')}</span>
        <span className="relations-add-row">
          <input
            ref={field}
            value={query}
            placeholder={t('files.relations.addPlaceholder')}
            data-testid="relations-query"
            onChange={(e) => {
              setQuery(e.target.value);
              setCandidates(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              } else if (e.key === 'ArrowDown' && relations.data?.length) {
                e.preventDefault();
                document.querySelector<HTMLElement>('[data-testid="relations-list"] li')?.focus();
              }
            }}
          />
          <button type="button" className="small" data-testid="relations-find" onClick={() => void find()}>
            {t('files.relations.find')}
          </button>
        </span>
      </label>
      <Banner error={error} testId="relations-error" onClose={() => setError(null)} />
      {candidates && candidates.length > 1 ? (
        <div className="relations-choices">
          <p className="muted">{t('files.relations.choose')}</p>
          <ul ref={choices}>
            {candidates.map((c) => (
              <li key={`${c.kind}-${c.id}`}>
                <button type="button" className="link" data-testid={`relations-choice-${c.kind}-${c.number}`} onClick={() => void add(c)}>
                  {t(`files.relations.kinds.${c.kind}`)} {c.number} · {c.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {relations.isError ? <Banner error={refusalOf(relations.error, () => null).general} /> : null}
      {relations.data && relations.data.length === 0 ? <p className="muted" data-testid="relations-none">{t('files.relations.none')}</p> : null}
      <ol className="relations-list" data-testid="relations-list" aria-label={t('files.relations.title')}>
        {(relations.data ?? []).map((r) => (
          <li
            key={`${r.kind}-${r.other.kind}-${r.other.id}`}
            tabIndex={0}
            data-testid={`relation-${r.other.kind}-${r.other.number}`}
            onKeyDown={(e) => onRowKey(e, r)}
            onDoubleClick={() => props.onOpen(r.other)}
          >
            <div className="relation-label muted">{r.label[lang]}</div>
            <div className="relation-other">
              <button type="button" className="link" tabIndex={-1} onClick={() => props.onOpen(r.other)}>
                {t(`files.relations.kinds.${r.other.kind}`)} {r.other.number}
              </button>
              <span className="relation-name" title={r.other.name}>
                {r.other.name}
              </span>
              {r.other.status ? <span className="pill">{r.other.status[lang]}</span> : null}
            </div>
            {r.note ? <div className="relation-note">{r.note}</div> : null}
            <div className="relation-meta muted">
              {r.id === null ? (
                <span title={t('files.relations.builtIn')}>{t('files.relations.builtIn')}</span>
              ) : (
                <>
                  <span>
                    {r.createdByName ?? t('activity.workstation')} · <span className="num">{formatDateTime(r.createdAt)}</span>
                  </span>
                  <button type="button" className="link small danger" data-testid={`relation-remove-${r.other.kind}-${r.other.number}`} onClick={() => setRemoving(r)}>
                    {t('files.remove')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {relations.data?.length ? <p className="muted files-keys">{t('files.relations.keys')}</p> : null}
      {removing ? (
        <ConfirmDialog
          title={t('files.relations.removeTitle')}
          text={t('files.relations.removeText')}
          confirmLabel={t('files.relations.removeConfirm')}
          cancelLabel={t('files.relations.keep')}
          danger
          testId="relation-remove-confirm"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
