// A custom field as a column of an engine-paged list (issue 12): what the list
// sorts by and filters on for `cf_<key>`. Only an active field of the list's
// record kind is a column; its id comes from the database (an integer), never
// from the caller's text, so the SQL below is built from no user input.
import { customFieldColumnId, type CustomFieldEntity, type CustomFieldType } from '../../../shared/channels/customFields';
import { stmt, type Db } from '../db/connection';

export interface CustomColumn {
  readonly sort: string;
  readonly filter: string;
  readonly kind: 'text' | 'number' | 'date';
  readonly notNull: false;
  /** Wraps the filter's condition (on `filter`) into one on the list's own rows. */
  readonly within: (condition: string) => string;
}

const KIND: Readonly<Record<CustomFieldType, CustomColumn['kind']>> = {
  text: 'text',
  choice: 'text',
  number: 'number',
  amount: 'number',
  yesno: 'number',
  date: 'date',
};

/** `recordId`: the list's id column (order_header.id). */
export function customFieldColumn(db: Db, entity: CustomFieldEntity, colId: string, recordId: string): CustomColumn | null {
  if (!colId.startsWith('cf_')) return null;
  const f = stmt(db, 'SELECT id, key, type FROM custom_field WHERE entity = ? AND key = ? AND active = 1').get(entity, colId.slice(3)) as
    | { id: number; key: string; type: CustomFieldType }
    | undefined;
  if (!f || customFieldColumnId(f.key) !== colId || !Number.isSafeInteger(f.id)) return null;
  const id = f.id;
  if (f.type === 'choice') {
    // A choice sorts in the list's order of choices and is filtered on its (folded) label.
    const joined = `custom_value v JOIN custom_field_choice ch ON ch.field_id = v.field_id AND ch.key = v.text_value WHERE v.field_id = ${id}`;
    return {
      sort: `(SELECT ch.sort_order FROM ${joined} AND v.record_id = ${recordId})`,
      filter: 'ch.label_fold',
      kind: 'text',
      notNull: false,
      within: (c) => `${recordId} IN (SELECT v.record_id FROM ${joined} AND ${c})`,
    };
  }
  const value = f.type === 'text' ? 'text_fold' : KIND[f.type] === 'number' ? 'int_value' : 'text_value';
  return {
    sort: `(SELECT ${value} FROM custom_value WHERE field_id = ${id} AND record_id = ${recordId})`,
    filter: value,
    kind: KIND[f.type],
    notNull: false,
    within: (c) => `${recordId} IN (SELECT record_id FROM custom_value WHERE field_id = ${id} AND ${c})`,
  };
}
