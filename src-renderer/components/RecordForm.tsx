// The frame of a register form (customer, supplier, product): values against
// the last saved ones (unsaved / saved), Enter moves on like Tab, Ctrl+S saves,
// Esc closes (asking first when something typed would be lost), and an engine
// refusal goes to the field it names or to the banner.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName } from '../../shared/catalog';
import { invalidate } from '../api/queries';
import { focusNextIn, useHotkeys, type HotkeyMap } from '../app/hotkeys';
import { ConfirmDialog } from './ConfirmDialog';
import { Banner, FormScopeProvider, Notice } from './fields';
import { focusField, refusalOf, useRefusal, type FieldErrors } from './refusal';
import { Shortcut } from './Shortcut';

export function useRecordForm<T, V>(opts: {
  readonly record: T | null;
  readonly valuesOf: (record: T | null) => V;
  /** What counts for "unsaved" (default: every value). */
  readonly fingerprint?: (values: V) => string;
  readonly active: boolean;
  /** The field focused when the form opens. */
  readonly firstField: string;
  readonly onSaved: (record: T) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}) {
  const fingerprint = opts.fingerprint ?? JSON.stringify;
  const [v, setV] = useState<V>(() => opts.valuesOf(opts.record));
  const [baseline, setBaseline] = useState(() => fingerprint(opts.valuesOf(opts.record)));
  const [saved, setSaved] = useState<T | null>(opts.record);
  const { refusal, setRefusal, clear, setFields } = useRefusal();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const dirty = fingerprint(v) !== baseline;
  const onDirtyChange = opts.onDirtyChange;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (opts.active) focusField(root.current, opts.firstField);
    // Only when the form opens.
  }, []);

  /** The form's own checks failed: show them and go to the first. */
  const refuse = (errors: FieldErrors) => {
    setFields(errors);
    focusField(root.current, Object.keys(errors)[0]);
  };

  /** Saves through `call`; the answer becomes the new saved values. */
  const persist = async (call: () => Promise<T>, after: { fieldOf: (path: string) => string | null; notice: (record: T) => string; invalidate: ChannelName[] }) => {
    savingRef.current = true;
    setSaving(true);
    clear();
    try {
      const result = await call();
      const next = opts.valuesOf(result);
      setSaved(result);
      setV(next);
      setBaseline(fingerprint(next));
      setNotice(after.notice(result));
      void invalidate(...after.invalidate);
      opts.onSaved(result);
    } catch (error) {
      const r = refusalOf(error, after.fieldOf);
      setRefusal(r);
      focusField(root.current, Object.keys(r.fields)[0]);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  return {
    v,
    setV,
    set: <K extends keyof V>(key: K, value: V[K]) => setV((old) => ({ ...old, [key]: value })),
    saved,
    dirty,
    root,
    refusal,
    saving,
    notice,
    confirmLeave,
    setConfirmLeave,
    /** True while a save is under way: a second Ctrl+S does nothing. */
    busy: () => savingRef.current,
    refuse,
    persist,
    close: () => (dirty ? setConfirmLeave(true) : opts.onClose()),
    onClose: opts.onClose,
  };
}

type RecordFormState = ReturnType<typeof useRecordForm<unknown, unknown>>;

/** The form element around the fields: title, banner, Save / Close and the "unsaved" question. */
export function RecordForm(props: {
  readonly form: Pick<RecordFormState, 'root' | 'dirty' | 'saved' | 'refusal' | 'saving' | 'notice' | 'confirmLeave' | 'setConfirmLeave' | 'close' | 'onClose'>;
  readonly active: boolean;
  /** Names the test ids: `${prefix}-form`, `${prefix}-save` … */
  readonly prefix: string;
  readonly className: string;
  readonly title: string;
  readonly onSave: () => Promise<void>;
  /** More keys while the form is active (Alt+K: a contact). */
  readonly keys?: HotkeyMap;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const { form, prefix } = props;
  const unsaved = form.dirty || !form.saved;

  useHotkeys(props.active, { 'ctrl+s': () => void props.onSave(), escape: form.close, ...props.keys });

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    focusNextIn(form.root.current, target, e.shiftKey);
  };

  return (
    <form
      ref={form.root}
      className={props.className}
      data-testid={`${prefix}-form`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave();
      }}
    >
      <div className="form-title">
        <h2 data-testid={`${prefix}-form-title`}>{props.title}</h2>
        <span className={`pill ${unsaved ? 'warn' : 'ok'}`}>{unsaved ? t('app.unsaved') : t('app.saved')}</span>
      </div>
      <Banner error={form.refusal.general} title={t('common.couldNotSave')} testId={`${prefix}-error`} />
      <FormScopeProvider prefix={prefix} errors={form.refusal.fields}>
        {props.children}
      </FormScopeProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid={`${prefix}-save`}>
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
        <button type="button" onClick={form.close} data-testid={`${prefix}-close`}>
          {t('app.close')} <Shortcut keys="Esc" />
        </button>
        <Notice text={form.dirty ? null : form.notice} testId={`${prefix}-notice`} />
      </div>
      {form.confirmLeave ? (
        <ConfirmDialog
          title={t('common.unsavedTitle')}
          text={t('common.unsavedText')}
          confirmLabel={t('common.discard')}
          cancelLabel={t('common.keepEditing')}
          danger
          onConfirm={() => {
            form.setConfirmLeave(false);
            form.onClose();
          }}
          onCancel={() => form.setConfirmLeave(false)}
        />
      ) : null}
    </form>
  );
}
