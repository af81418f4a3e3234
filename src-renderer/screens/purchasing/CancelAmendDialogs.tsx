// Cancelling a purchase order, and replacing it by an amendment: both keep the
// order and its history; the amendment is a new order (the next revision) that
// points back at the one it replaces, To process again, with the same lines
// for the clerk to change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import type { BilingualText } from '../../i18n';

function ReasonDialog(props: {
  title: string;
  lead: string;
  submitLabel: string;
  testId: string;
  danger?: boolean;
  busy: boolean;
  error: BilingualText | null;
  onCancel: () => void;
  onSubmit: (reason: string | null) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title={props.title}
      testId={props.testId}
      busy={props.busy}
      danger={props.danger ?? false}
      submitLabel={props.submitLabel}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit(reason.trim() || null)}
    >
      <p>{props.lead}</p>
      <Banner error={props.error} testId={`${props.testId}-error`} />
      <div className="field">
        <label htmlFor={`${props.testId}-reason`}>{t('purchasing.reason')}</label>
        <input
          id={`${props.testId}-reason`}
          data-testid={`${props.testId}-reason`}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
    </Dialog>
  );
}

export function CancelDialog(props: { po: PurchaseOrder; busy: boolean; error: BilingualText | null; onCancel: () => void; onSubmit: (reason: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('purchasing.cancel.title', { number: props.po.number })}
      lead={t('purchasing.cancel.lead')}
      submitLabel={t('purchasing.cancel.submit')}
      testId="cancel-dialog"
      danger
      {...props}
    />
  );
}

export function AmendDialog(props: { po: PurchaseOrder; busy: boolean; error: BilingualText | null; onCancel: () => void; onSubmit: (reason: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('purchasing.amend.title', { number: props.po.number })}
      lead={t('purchasing.amend.lead', { number: props.po.number, revision: props.po.revision + 1 })}
      submitLabel={t('purchasing.amend.submit')}
      testId="amend-dialog"
      {...props}
    />
  );
}
