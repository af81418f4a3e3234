// A register (customers, suppliers, products): the list on the left, the form
// on the right. F2 makes a new record, Enter on a row opens it, Ctrl+S saves,
// Esc closes the form and puts focus back on the row.
import type { ColDef } from 'ag-grid-community';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/catalog';
import type { ImportKind } from '../../shared/channels/import';
import { ImportDialog } from '../screens/import/ImportDialog';
import { useChannel } from '../api/queries';
import { useHotkeys } from '../app/hotkeys';
import { PagedList, type GridQuery, type PagedListHandle, type PagedListProps } from '../grid/PagedList';
import { ListExport, type ExportQuery } from './ListExport';
import { Banner } from './fields';
import { refusalOf } from './refusal';
import { Shortcut } from './Shortcut';

/** What the register hands its form. */
export interface RegisterFormProps<T> {
  readonly key: number;
  readonly record: T | null;
  readonly active: boolean;
  readonly onSaved: () => void;
  readonly onDirtyChange: (dirty: boolean) => void;
  readonly onClose: () => void;
}

export function RegisterScreen<Row extends { id: number }, K extends ChannelName>(props: {
  readonly active: boolean;
  readonly testId: string;
  readonly title: string;
  readonly newLabel: string;
  readonly newTestId: string;
  readonly chooseOrNew: string;
  readonly list: Omit<PagedListProps<Row>, 'handle' | 'onOpen' | 'columnDefs'> & { readonly columnDefs: ColDef<Row>[] };
  /** The channel that loads one record ({ id }) for the form. */
  readonly getChannel: K;
  readonly renderForm: (form: RegisterFormProps<ChannelOutput<K>>) => ReactNode;
  /** Under the form, once a saved record is loaded (a product's stock). */
  readonly renderBelow?: (record: ChannelOutput<K>, id: number) => ReactNode;
  /** A record another screen asked to open (a project from an order's relations); `seq` tells two asks apart. */
  readonly openRequest?: { readonly id: number; readonly seq: number } | null;
  /** "Eksporter" (Ctrl+E, issue 13): the list's export query from what the list shows now. */
  readonly exportList?: { readonly list: 'customers' | 'suppliers' | 'products'; readonly query: (shown: { search?: string; grid: GridQuery }) => ExportQuery };
  /** Issue 13: the register imports its records from a CSV or Excel file (Alt+I). */
  readonly importKind?: ImportKind;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: number | null; seq: number } | null>(null);
  const [formDirty, setFormDirty] = useState(false);
  const seq = useRef(0);
  const list = useRef<PagedListHandle>(null);
  const input = { id: editing?.id ?? 0 } as ChannelInput<K>;
  const loaded = useChannel(props.getChannel, input, { enabled: Boolean(editing?.id), staleTime: 0 });

  const open = (id: number | null) => {
    setFormDirty(false);
    seq.current += 1;
    setEditing({ id, seq: seq.current });
  };

  useEffect(() => {
    // Only a new request opens (its seq changes); the form already open otherwise stays.
    if (props.openRequest) open(props.openRequest.id);
  }, [props.openRequest]);

  useEffect(() => {
    if (props.active && !editing) list.current?.focusSearch();
  }, [props.active, editing]);

  // A new record only when nothing typed would be lost.
  useHotkeys(props.active && !formDirty, { f2: () => open(null), 'ctrl+n': () => open(null) });
  useHotkeys(props.active, { 'ctrl+f': () => list.current?.focusSearch() });
  const [importing, setImporting] = useState(false);
  useHotkeys(props.active && Boolean(props.importKind), { 'alt+i': () => setImporting(true) });

  return (
    <div className="screen register-screen" data-testid={props.testId}>
      <div className="toolbar">
        <h1>{props.title}</h1>
        <div className="toolbar-spacer" />
        {props.exportList ? (
          <ListExport
            active={props.active && !formDirty}
            list={props.exportList.list}
            query={() => props.exportList!.query(list.current?.query() ?? { grid: { sortModel: [], filterModel: {} } })}
          />
        ) : null}
        {props.importKind ? (
          <button type="button" onClick={() => setImporting(true)} data-testid="import-open">
            {t('importFile.button')} <Shortcut keys="Alt+I" />
          </button>
        ) : null}
        <button type="button" className="primary" onClick={() => open(null)} data-testid={props.newTestId}>
          {props.newLabel} <Shortcut keys="F2" />
        </button>
      </div>
      <div className="register-body">
        <PagedList<Row> {...props.list} handle={list} onOpen={(row) => open(row.id)} />
        <div className="register-form">
          {editing === null ? (
            <p className="muted empty-form">{props.chooseOrNew}</p>
          ) : editing.id !== null && !loaded.data ? (
            loaded.isError ? (
              <Banner error={refusalOf(loaded.error, () => null).general} />
            ) : (
              <p className="muted">{t('app.loading')}</p>
            )
          ) : (
            props.renderForm({
              key: editing.seq,
              record: editing.id !== null ? (loaded.data ?? null) : null,
              active: props.active && editing !== null,
              onSaved: () => list.current?.refresh(),
              onDirtyChange: setFormDirty,
              onClose: () => {
                const id = editing.id;
                setEditing(null);
                setFormDirty(false);
                if (id !== null) window.setTimeout(() => list.current?.focusRow(id), 0);
              },
            })
          )}
          {editing !== null && editing.id !== null && loaded.data ? props.renderBelow?.(loaded.data, editing.id) : null}
        </div>
      </div>
      {importing && props.importKind ? (
        <ImportDialog kind={props.importKind} onClose={() => setImporting(false)} onImported={() => list.current?.refresh()} />
      ) : null}
      <div className="hint-bar">
        <Shortcut keys="F2" label={props.newLabel} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+S" label={t('keys.save')} />
        <Shortcut keys="Esc" label={t('keys.back')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
        {props.exportList ? <Shortcut keys="Ctrl+E" label={t('listExport.key')} /> : null}
        {props.importKind ? <Shortcut keys="Alt+I" label={t('importFile.button')} /> : null}
      </div>
    </div>
  );
}
