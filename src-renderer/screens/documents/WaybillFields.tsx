// A waybill's parcels, each with its own weight (the sum shown under them), the
// carrier (the company's usual one, changeable for this shipment) and the GS1
// company prefix the SSCCs are made from, which is a company setting. A weight
// that is not a number is refused as the clerk leaves the field, at the field.
import { useTranslation } from 'react-i18next';
import { formatQuantity, parseQuantity } from '../../../shared/format';
import { FieldMessage } from '../../components/fields';
import { bilingual, type BilingualText } from '../../i18n';

export const MAX_PARCELS = 99;

/** The field a parcel's weight is refused at: the engine's own path, so its refusals land there too. */
export const parcelField = (i: number) => `waybill.parcels.${i}.weightGrams`;

/** Grams from what was typed in kg ("12,5"), or null when it is not a weight. */
export function parcelGrams(typed: string): number | null {
  const grams = parseQuantity(typed); // thousandths of a kilo
  return grams === null || grams < 1 ? null : grams;
}

export const badWeight = (i: number): BilingualText => bilingual('printing.waybill.badWeight', { no: i + 1 });

export function WaybillFields(props: {
  parcels: readonly string[];
  onParcels: (parcels: string[]) => void;
  errors: Readonly<Record<string, BilingualText>>;
  onError: (field: string, error: BilingualText | null) => void;
  carrier: string;
  onCarrier: (carrier: string) => void;
  prefix: string | null;
}) {
  const { t } = useTranslation();
  const { parcels } = props;
  const grams = parcels.map(parcelGrams);
  const sum = grams.every((g) => g !== null) ? grams.reduce<number>((a, g) => a + (g ?? 0), 0) : null;
  const change = (i: number, value: string) => props.onParcels(parcels.map((p, k) => (k === i ? value : p)));
  const remove = (i: number) => {
    props.onParcels(parcels.filter((_, k) => k !== i));
    // The rows below move up: their messages would name the wrong parcel.
    parcels.forEach((_, k) => k >= i && props.onError(parcelField(k), null));
  };

  return (
    <div className="waybill-fields" data-testid="waybill-fields">
      <table className="dialog-grid waybill-parcels" data-testid="waybill-parcels">
        <thead>
          <tr>
            <th scope="col">{t('printing.waybill.parcels')}</th>
            <th scope="col" className="num">
              {t('printing.waybill.weightKg')}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {parcels.map((weight, i) => {
            const field = parcelField(i);
            const error = props.errors[field];
            const id = `waybill-weight-${i}`;
            return (
              <tr key={i} data-testid={`waybill-parcel-${i}`}>
                <th scope="row">
                  <label htmlFor={id}>{t('printing.waybill.parcel', { no: i + 1 })}</label>
                </th>
                <td className={`num ${error ? 'has-error' : ''}`}>
                  <input
                    id={id}
                    className="num"
                    inputMode="decimal"
                    autoComplete="off"
                    data-field={field}
                    data-testid={id}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    value={weight}
                    onChange={(e) => {
                      change(i, e.target.value);
                      if (error && parcelGrams(e.target.value) !== null) props.onError(field, null);
                    }}
                    onBlur={(e) => props.onError(field, e.target.value.trim() && parcelGrams(e.target.value) === null ? badWeight(i) : null)}
                  />
                  <FieldMessage id={id} testId={id} error={error} />
                </td>
                <td className="actions">
                  {parcels.length > 1 ? (
                    <button
                      type="button"
                      className="small"
                      data-testid={`waybill-remove-${i}`}
                      aria-label={t('printing.waybill.remove', { no: i + 1 })}
                      title={t('printing.waybill.remove', { no: i + 1 })}
                      onClick={() => remove(i)}
                    >
                      ×
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('printing.waybill.sum')}</th>
            <td className="num strong" data-testid="waybill-weight-sum">
              {sum === null ? '' : t('printing.waybill.kg', { weight: formatQuantity(sum) })}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <button
        type="button"
        className="small"
        data-testid="waybill-add-parcel"
        disabled={parcels.length >= MAX_PARCELS}
        onClick={() => props.onParcels([...parcels, ''])}
      >
        + {t('printing.waybill.add')}
      </button>
      <div className="form-grid cols-4 waybill-settings">
        <div className="field span-2">
          <label htmlFor="waybill-carrier">{t('printing.waybill.carrier')}</label>
          <input
            id="waybill-carrier"
            maxLength={100}
            autoComplete="off"
            data-testid="waybill-carrier"
            value={props.carrier}
            onChange={(e) => props.onCarrier(e.target.value)}
          />
          <div className="field-hint">{t('printing.waybill.carrierHint')}</div>
        </div>
        <div className="field span-2">
          <span className="label">{t('printing.waybill.prefix')}</span>
          {props.prefix ? (
            <div className="readonly-value" data-testid="waybill-prefix">
              <span className="strong">{props.prefix}</span> <span className="muted small">({t('printing.waybill.prefixFromSettings')})</span>
            </div>
          ) : (
            <div className="field-error" data-testid="waybill-prefix-missing">
              {t('printing.waybill.noPrefix')}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
