// Refusals the clerk may overrule (confirm_shortage, confirm_deliver_remaining,
// confirm_return_goods, credit_limit_exceeded): the engine says what would
// happen, the clerk is asked, and the same call is sent again with the flag set.
// Anything else is a refusal for the caller to show.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmInput } from '../../shared/channels/orders';
import type { ErrorCode } from '../../shared/errors';
import { ApiError } from '../api/client';
import { useLanguage, type BilingualText } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';

export type ConfirmFlags = Required<NonNullable<ConfirmInput>>;

export const CONFIRMABLE: Partial<Record<ErrorCode, keyof ConfirmFlags>> = {
  confirm_shortage: 'allowShortage',
  confirm_deliver_remaining: 'deliverRemaining',
  confirm_return_goods: 'returnGoods',
  credit_limit_exceeded: 'overrideCreditLimit',
};

type Question = { code: keyof typeof TITLES; message: BilingualText; retry: () => void; cancel: () => void };

const TITLES = {
  confirm_shortage: 'shortage',
  confirm_deliver_remaining: 'deliverRemaining',
  confirm_return_goods: 'returnGoods',
  credit_limit_exceeded: 'creditLimit',
} as const;

export interface ConfirmedCall {
  /**
   * Runs `call`, asking about each confirmable refusal in turn. Resolves with
   * the value, or with null when the clerk said no (or the engine refused: then `onRefused` has it).
   */
  run<T>(call: (confirm: Partial<ConfirmFlags>) => Promise<T>, onRefused: (error: unknown) => void): Promise<T | null>;
  /** The question being asked, to render. */
  readonly dialog: ReactNode;
  readonly busy: boolean;
}

export function useConfirmedCall(testId = 'process-confirm'): ConfirmedCall {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [question, setQuestion] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);

  const run = <T,>(call: (confirm: Partial<ConfirmFlags>) => Promise<T>, onRefused: (error: unknown) => void): Promise<T | null> =>
    new Promise<T | null>((resolve) => {
      const attempt = (confirm: Partial<ConfirmFlags>) => {
        setBusy(true);
        call(confirm).then(
          (value) => {
            setBusy(false);
            resolve(value);
          },
          (error: unknown) => {
            setBusy(false);
            const flag = error instanceof ApiError ? CONFIRMABLE[error.data.code] : undefined;
            if (error instanceof ApiError && flag && !confirm[flag]) {
              setQuestion({
                code: error.data.code as keyof typeof TITLES,
                message: error.data.message,
                retry: () => attempt({ ...confirm, [flag]: true }),
                cancel: () => resolve(null),
              });
              return;
            }
            onRefused(error);
            resolve(null);
          },
        );
      };
      attempt({});
    });

  const key = question ? TITLES[question.code] : null;
  const dialog =
    question && key ? (
      <ConfirmDialog
        title={t(`confirmCode.${key}.title`)}
        text={question.message[lang]}
        confirmLabel={t(`confirmCode.${key}.yes`)}
        cancelLabel={t('common.cancel')}
        testId={testId}
        onConfirm={() => {
          setQuestion(null);
          question.retry();
        }}
        onCancel={() => {
          setQuestion(null);
          question.cancel();
        }}
      />
    ) : null;

  return { run, dialog, busy };
}
