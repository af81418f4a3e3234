// The customer of an order or the supplier of a purchase order: found as the
// clerk types (number, name or org. no.), its number beside the field once
// picked, and the party's contacts to choose from.
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../shared/checks';
import { useChannel } from '../api/queries';
import { FieldMessage, SelectField, useFieldScope } from './fields';
import { LookupInput } from './LookupInput';

interface PartyRow {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly city: string | null;
}

export function PartyLookupField<T extends PartyRow>(props: {
  /** The form field ("customer", "supplier"): refusals and focus find it by this. */
  readonly field: string;
  readonly label: string;
  readonly placeholder: string;
  readonly testId: string;
  readonly queryKey: string;
  readonly search: (query: string) => Promise<readonly T[]>;
  readonly text: string;
  /** The text is what a pick put there. */
  readonly resolved: boolean;
  readonly number: number | null;
  readonly inputRef: (el: HTMLInputElement | null) => void;
  readonly onText: (text: string) => void;
  readonly onPick: (party: T) => void;
  readonly onNotFound: (query: string, how: 'enter' | 'blur') => void;
  readonly onAdvance: () => void;
}) {
  const f = useFieldScope(props.field);
  return (
    <div className={`field span-2 ${f.error ? 'has-error' : ''}`}>
      <label htmlFor={f.id}>{props.label}</label>
      <div className="customer-field">
        <LookupInput<T>
          id={f.id}
          value={props.text}
          resolved={props.resolved}
          onChange={props.onText}
          queryKey={props.queryKey}
          search={props.search}
          itemKey={(p) => p.id}
          renderItem={(p) => (
            <span className="lookup-item">
              <span className="code">{p.number}</span>
              <span className="name">{p.name}</span>
              <span className="muted">{p.orgNumber ? formatOrgNumber(p.orgNumber) : ''}</span>
              <span className="muted">{p.city ?? ''}</span>
            </span>
          )}
          onCommit={(p, query, how) => (p ? props.onPick(p) : props.onNotFound(query, how))}
          onAdvance={props.onAdvance}
          inputRef={props.inputRef}
          testId={props.testId}
          field={props.field}
          placeholder={props.placeholder}
          invalid={Boolean(f.error)}
          describedBy={f.error ? `${f.id}-error` : undefined}
        />
        <span className="customer-number num" data-testid={`${props.testId}-number`}>
          {props.resolved && props.number !== null ? props.number : ''}
        </span>
      </div>
      <FieldMessage id={f.id} testId={props.testId} error={f.error} />
    </div>
  );
}

/** The party's contact for this order ("none", or one of its contacts). */
export function PartyContactField(props: { channel: 'customers.get' | 'suppliers.get'; partyId: number | null; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const party = useChannel(props.channel, { id: props.partyId ?? 0 }, { enabled: props.partyId !== null });
  const options = [
    { value: '', label: t('common.none') },
    ...(props.partyId !== null && party.data
      ? party.data.contacts.map((c) => ({ value: String(c.id), label: c.phone ? `${c.name} (${c.phone})` : c.name }))
      : []),
  ];
  return <SelectField name="contactId" label={t('order.contact')} value={props.value} onChange={props.onChange} options={options} />;
}
