// Form controls with their label and, under them, the refusal that names them.
// Each control carries data-field (for focusing it after a refusal) and a
// data-testid made of the form's prefix and the field name.
import { createContext, useContext, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, type BilingualText } from '../i18n';
import { Shortcut } from './Shortcut';
import type { FieldCheck } from './fieldChecks';
import type { FieldErrors } from './refusal';

interface FormScope {
  readonly prefix: string;
  readonly errors: FieldErrors;
}
const FormContext = createContext<FormScope>({ prefix: 'form', errors: {} });

export function FormScopeProvider(props: { prefix: string; errors: FieldErrors; children: ReactNode }) {
  return <FormContext.Provider value={{ prefix: props.prefix, errors: props.errors }}>{props.children}</FormContext.Provider>;
}

/** `local`: the field's own check as it was left; a refusal of the save or the engine goes first. */
export function useFieldScope(name: string, local?: BilingualText | null) {
  const scope = useContext(FormContext);
  const id = useId();
  const error = scope.errors[name] ?? local ?? undefined;
  return {
    id,
    error,
    testId: `${scope.prefix}-${name}`,
    controlProps: {
      id,
      'data-field': name,
      'data-testid': `${scope.prefix}-${name}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
    },
  };
}

export function FieldMessage(props: { id: string; testId: string; error: BilingualText | undefined }) {
  const lang = useLanguage();
  if (!props.error) return null;
  return (
    <div className="field-error" id={`${props.id}-error`} role="alert" data-testid={`${props.testId}-error`}>
      {props.error[lang]}
    </div>
  );
}

interface BaseProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  /** Grid columns the field spans in a .form-grid. */
  readonly span?: 1 | 2 | 3 | 4;
  readonly className?: string;
}

function Wrapper(props: BaseProps & { id: string; testId: string; error: BilingualText | undefined; children: ReactNode }) {
  return (
    <div className={`field span-${props.span ?? 1} ${props.error ? 'has-error' : ''} ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && !props.error ? <div className="field-hint">{props.hint}</div> : null}
      <FieldMessage id={props.id} testId={props.testId} error={props.error} />
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    placeholder?: string;
    numeric?: boolean;
    autoFocus?: boolean;
    maxLength?: number;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
    onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
    readOnly?: boolean;
    /** Typed but not shown (a PIN). */
    secret?: boolean;
    /** What the field accepts (components/fieldChecks.ts): refused as the clerk leaves it, the message under it. */
    check?: FieldCheck;
  },
) {
  const [refused, setRefused] = useState<BilingualText | null>(null);
  const f = useFieldScope(props.name, refused);
  return (
    <Wrapper {...props} id={f.id} testId={f.testId} error={f.error}>
      <input
        {...f.controlProps}
        type={props.secret ? 'password' : 'text'}
        className={props.numeric ? 'num' : undefined}
        value={props.value}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          props.onChange(e.target.value);
          // Fixed while typing: the message goes at once; a new one waits until the clerk leaves.
          if (refused && props.check && !props.check(e.target.value)) setRefused(null);
        }}
        onBlur={(e) => {
          if (props.check) setRefused(props.check(e.target.value));
        }}
        onKeyDown={props.onKeyDown}
      />
    </Wrapper>
  );
}

export function TextAreaField(props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const f = useFieldScope(props.name);
  return (
    <Wrapper {...props} id={f.id} testId={f.testId} error={f.error}>
      <textarea
        {...f.controlProps}
        rows={props.rows ?? 2}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-skip-enter="1"
      />
    </Wrapper>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; disabled?: boolean },
) {
  const f = useFieldScope(props.name);
  return (
    <Wrapper {...props} id={f.id} testId={f.testId} error={f.error}>
      <select {...f.controlProps} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function CheckboxField(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const f = useFieldScope(props.name);
  return (
    <div className={`field checkbox span-${props.span ?? 1} ${f.error ? 'has-error' : ''}`}>
      <label htmlFor={f.id}>
        <input {...f.controlProps} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
        <span>{props.label}</span>
      </label>
      <FieldMessage id={f.id} testId={f.testId} error={f.error} />
    </div>
  );
}

/** A radio group the arrow keys move through (one tab stop), e.g. private / business. */
export function RadioField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; autoFocus?: boolean },
) {
  const f = useFieldScope(props.name);
  return (
    <fieldset className={`field radio span-${props.span ?? 1} ${f.error ? 'has-error' : ''}`} data-testid={f.testId}>
      <legend>{props.label}</legend>
      <div className="radio-row">
        {props.options.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name={f.id}
              value={o.value}
              checked={props.value === o.value}
              autoFocus={props.autoFocus && props.value === o.value}
              data-field={props.value === o.value ? props.name : undefined}
              data-testid={`${f.testId}-${o.value}`}
              onChange={() => props.onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessage id={f.id} testId={f.testId} error={f.error} />
    </fieldset>
  );
}

/** An error above the form. With `onClose` it can be closed (its screen maps Esc to that, before Esc backs out). */
export function Banner(props: { error: BilingualText | null | undefined; title?: string; testId?: string; onClose?: () => void }) {
  const lang = useLanguage();
  const { t } = useTranslation();
  if (!props.error) return null;
  const testId = props.testId ?? 'form-error';
  const message = (
    <>
      {props.title ? <strong>{props.title}: </strong> : null}
      {props.error[lang]}
    </>
  );
  if (!props.onClose) {
    return (
      <div className="banner error" role="alert" data-testid={testId}>
        {message}
      </div>
    );
  }
  // The close button beside the message, not in it: the alert reads (and a test sees) the message alone.
  return (
    <div className="banner error closable">
      <div role="alert" data-testid={testId}>
        {message}
      </div>
      <button type="button" className="link small banner-close" tabIndex={-1} data-testid={`${testId}-close`} onClick={props.onClose}>
        {t('layout.closeBanner')} <Shortcut keys="Esc" />
      </button>
    </div>
  );
}

export function Notice(props: { text: string | null; testId?: string }) {
  return (
    <div className="notice" role="status" aria-live="polite" data-testid={props.testId ?? 'notice'}>
      {props.text}
    </div>
  );
}
