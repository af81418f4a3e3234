// The order header's people and project (issue 12; Axos has them): Tittel, Vår
// kontakt, Ansvarlig and Prosjekt, on sales and purchase orders alike. One row
// of a four-column header form; Enter moves on as in the rest of the header.
// The title's field is "orderTitle" (the editor's heading is "order-title").
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNextIn } from '../../app/hotkeys';
import { TextField } from '../../components/fields';
import { EmployeeLookupField, ProjectLookupField } from './IdLookupFields';

export interface OrderPeople {
  readonly title: string;
  readonly ourContactId: number | null;
  readonly responsibleId: number | null;
  readonly projectId: number | null;
}

export const NO_PEOPLE: OrderPeople = { title: '', ourContactId: null, responsibleId: null, projectId: null };

/** What a saved order (sales or purchase) has. */
export function peopleOf(o: { title?: string | null; ourContactId?: number | null; responsibleId?: number | null; projectId?: number | null }): OrderPeople {
  return { title: o.title ?? '', ourContactId: o.ourContactId ?? null, responsibleId: o.responsibleId ?? null, projectId: o.projectId ?? null };
}

/** As the header input takes them; an empty title is none. */
export function peopleInput(p: OrderPeople) {
  return { title: p.title.trim() || null, ourContactId: p.ourContactId, responsibleId: p.responsibleId, projectId: p.projectId };
}

export function OrderPeopleFields(props: {
  readonly value: OrderPeople;
  readonly onChange: (change: Partial<OrderPeople>) => void;
  /** The header form: Enter moves to its next field. */
  readonly root: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const advance = (from: HTMLInputElement | null) => {
    focusNextIn(props.root.current, from);
  };
  return (
    <>
      <TextField name="orderTitle" span={2} label={t('peopleUi.header.title')} value={props.value.title} maxLength={120} onChange={(v) => props.onChange({ title: v })} />
      <EmployeeLookupField
        name="ourContactId"
        label={t('peopleUi.header.ourContact')}
        value={props.value.ourContactId}
        onChange={(id) => props.onChange({ ourContactId: id })}
        onAdvance={advance}
      />
      <EmployeeLookupField
        name="responsibleId"
        label={t('peopleUi.header.responsible')}
        value={props.value.responsibleId}
        onChange={(id) => props.onChange({ responsibleId: id })}
        onAdvance={advance}
      />
      <ProjectLookupField value={props.value.projectId} onChange={(id) => props.onChange({ projectId: id })} onAdvance={advance} />
    </>
  );
}
