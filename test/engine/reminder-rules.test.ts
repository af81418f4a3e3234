// The reminder fee rules (inkassoforskriften § 1-2, § 1-3) at their boundaries.
import { describe, expect, it } from 'vitest';
import {
  FEE_WAIT_DAYS,
  feeRefusal,
  feeWithinLaw,
  INKASSOSATS_ORE,
  MAX_REMINDER_FEE_ORE,
  reminderFees,
  reminderPayBy,
  type ReminderInvoiceFacts,
} from '../../src-main/engine/domain/reminderRules';

const inv = (over: Partial<ReminderInvoiceFacts> = {}): ReminderInvoiceFacts => ({
  invoiceId: 1,
  number: 100,
  dueDate: '2026-03-01',
  feesCharged: 0,
  earlier: [],
  ...over,
});

describe('the legal maximum (§ 1-2: one twentieth of the inkassosats)', () => {
  it('is kr 35 of an inkassosats of kr 700; a fee above it is not within the law', () => {
    expect(INKASSOSATS_ORE).toBe(70_000);
    expect(MAX_REMINDER_FEE_ORE).toBe(3_500);
    expect(feeWithinLaw(0)).toBe(true);
    expect(feeWithinLaw(3_500)).toBe(true);
    expect(feeWithinLaw(3_501)).toBe(false);
  });

  it('caps the company fee at the maximum, whatever the setting says', () => {
    const [fee] = reminderFees([inv()], 10_000, '2026-03-20');
    expect(fee!.feeOre).toBe(3_500);
  });
});

describe('the waiting time (§ 1-2: sent at the earliest 14 days after the due date)', () => {
  it('13 days after the due date: no fee, and the reason names the first day a fee may be charged', () => {
    const refusal = feeRefusal(inv(), '2026-03-14');
    expect(refusal?.nb).toContain('15.03.2026');
    expect(refusal?.en).toContain('15.03.2026');
    expect(reminderFees([inv()], 3_500, '2026-03-14')[0]).toMatchObject({ feeOre: 0, level: 1 });
  });

  it('14 days after the due date: the fee', () => {
    expect(FEE_WAIT_DAYS).toBe(14);
    expect(feeRefusal(inv(), '2026-03-15')).toBeNull();
    expect(reminderFees([inv()], 3_500, '2026-03-15')[0]).toMatchObject({ feeOre: 3_500, level: 1, noFeeReasonNb: null });
  });
});

describe('how many fees (§ 1-3: two reminders at most, the second after the first one\'s deadline)', () => {
  const first = { sentOn: '2026-03-15', payBy: reminderPayBy('2026-03-15') };

  it('a reminder gives 14 days to pay', () => {
    expect(reminderPayBy('2026-03-15')).toBe('2026-03-29');
    expect(reminderPayBy('2026-12-25')).toBe('2027-01-08');
  });

  it('the second fee only once the first reminder\'s deadline has passed', () => {
    const second = inv({ feesCharged: 1, earlier: [first] });
    expect(reminderFees([second], 3_500, '2026-03-29')[0]).toMatchObject({ feeOre: 0, level: 2 });
    expect(reminderFees([second], 3_500, '2026-03-29')[0]!.noFeeReasonNb).toContain('29.03.2026');
    expect(reminderFees([second], 3_500, '2026-03-30')[0]).toMatchObject({ feeOre: 3_500, level: 2 });
  });

  it('never a third fee for the same invoice', () => {
    const third = inv({ feesCharged: 2, earlier: [first, { sentOn: '2026-03-30', payBy: '2026-04-13' }] });
    const [fee] = reminderFees([third], 3_500, '2026-05-01');
    expect(fee).toMatchObject({ feeOre: 0, level: 3 });
    expect(fee!.noFeeReasonNb).toContain('to purregebyr');
  });

  it('a first reminder without a fee (too early) leaves both fees for later reminders', () => {
    const second = inv({ feesCharged: 0, earlier: [{ sentOn: '2026-03-05', payBy: '2026-03-19' }] });
    expect(reminderFees([second], 3_500, '2026-03-20')[0]).toMatchObject({ feeOre: 3_500, level: 2 });
  });

  it('one reminder (one letter) charges one fee, on its oldest invoice that may carry one', () => {
    const fees = reminderFees(
      [inv({ invoiceId: 2, number: 101, dueDate: '2026-03-10' }), inv({ invoiceId: 1, number: 100, dueDate: '2026-03-01' }), inv({ invoiceId: 3, number: 102, dueDate: '2026-03-25' })],
      3_500,
      '2026-03-30',
    );
    expect(fees.map((f) => [f.invoiceId, f.feeOre])).toEqual([
      [1, 3_500],
      [2, 0],
      [3, 0],
    ]);
    expect(fees[1]!.noFeeReasonNb).toContain('faktura 100');
    expect(fees[2]!.noFeeReasonNb).toContain('14 dager');
  });

  it('no fee when the company charges none', () => {
    expect(reminderFees([inv()], 0, '2026-04-30')[0]).toMatchObject({ feeOre: 0, noFeeReasonNb: 'Firmaet tar ikke purregebyr.' });
  });
});
