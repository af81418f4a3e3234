// Form controls with their label and, under them, the refusal that names them.
// Each control carries data-field (for focusing it after a refusal) and a
// data-testid made of the form's prefix and the field name.
import { createContext, useContext, useId, type KeyboardEvent, type ReactNode } from 'react';
import { useLanguage, type BilingualText } from '../i18n';
import type { FieldErrors } from './refusal';

interface FormScope {
  readonly prefix: string;
  readonly errors: FieldErrors;
}
const FormContext = createContext<FormScope>({ prefix: 'form', errors: {} });

export function FormScopeProvider(props: { prefix: string; errors: FieldErrors; children: ReactNode }) {
  return <FormContext.Provider value={{ prefix: props.prefix, errors: props.errors }}>{props.children}</FormContext.Provider>;
}

export function useFieldScope(name: string) {
  const scope = useContext(FormContext);
  const id = useId();
  const error = scope.errors[name];
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
  },
) {
  const f = useFieldScope(props.name);
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
        onChange={(e) => props.onChange(e.target.value)}
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

export function Banner(props: { error: BilingualText | null | undefined; title?: string; testId?: string }) {
  const lang = useLanguage();
  if (!props.error) return null;
  return (
    <div className="banner error" role="alert" data-testid={props.testId ?? 'form-error'}>
      {props.title ? <strong>{props.title}: </strong> : null}
      {props.error[lang]}
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
