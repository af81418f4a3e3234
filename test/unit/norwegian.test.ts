// SPEC 9: check digits and nb-NO formats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBankAccount, formatOrgNumber, isValidBankAccount, isValidEan, isValidKidMod10, isValidOrgNumber, kidMod10CheckDigit } from '../../shared/checks';
import { NBSP, formatAmount, formatDate, formatQuantity, parseAmount, parseDate, parseQuantity } from '../../shared/format';

describe('organisation numbers (MOD11, weights 3,2,7,6,5,4,3,2)', () => {
  it('accepts real ones, with or without spaces', () => {
    for (const n of ['923609016', '974760673', '923 609 016', '982463718']) expect(isValidOrgNumber(n)).toBe(true);
  });
  it('refuses a wrong check digit, wrong length and letters', () => {
    for (const n of ['923609017', '92360901', '9236090160', '92360901A', '']) expect(isValidOrgNumber(n)).toBe(false);
  });
  it('catches every single-digit typo of a valid number', () => {
    const valid = '974760673';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        expect(isValidOrgNumber(valid.slice(0, i) + d + valid.slice(i + 1))).toBe(false);
      }
    }
  });
  it('formats as groups of three', () => expect(formatOrgNumber('923609016')).toBe('923 609 016'));
});

describe('bank account numbers (MOD11, 11 digits)', () => {
  it('accepts a valid number with dots', () => {
    expect(isValidBankAccount('1503.12.34562')).toBe(true);
    expect(formatBankAccount('15031234562')).toBe('1503.12.34562');
  });
  it('refuses a wrong check digit', () => expect(isValidBankAccount('15031234561')).toBe(false));
});

describe('KID and EAN', () => {
  it('MOD10 KID: the check digit makes the number valid, and a changed digit does not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,20}$/), fc.nat(9), (body, delta) => {
        const kid = body + kidMod10CheckDigit(body);
        expect(isValidKidMod10(kid)).toBe(true);
        const i = delta % body.length;
        const changed = body.slice(0, i) + String((Number(body[i]) + 1 + (delta % 9)) % 10) + body.slice(i + 1) + kid.slice(-1);
        if (changed !== kid) expect(isValidKidMod10(changed)).toBe(false);
      }),
    );
  });
  it('EAN-13', () => {
    expect(isValidEan('7038010009457')).toBe(true);
    expect(isValidEan('7038010009458')).toBe(false);
  });
});

describe('nb-NO formats', () => {
  it('amounts: no-break space between thousands, comma before øre', () => {
    expect(formatAmount(123450)).toBe(`1${NBSP}234,50`);
    expect(formatAmount(5)).toBe('0,05');
    expect(formatAmount(-100000000)).toBe(`-1${NBSP}000${NBSP}000,00`);
  });
  it('dates as dd.mm.yyyy', () => {
    expect(formatDate('2025-01-05')).toBe('05.01.2025');
    expect(parseDate('05.01.2025')).toBe('2025-01-05');
    expect(parseDate('5.1.25')).toBe('2025-01-05');
    expect(parseDate('30.02.2025')).toBeNull();
  });
  it('quantities in thousandths', () => {
    expect(formatQuantity(2500)).toBe('2,5');
    expect(formatQuantity(3000)).toBe('3');
    expect(parseQuantity('2,5')).toBe(2500);
    expect(parseQuantity('1,2345')).toBeNull();
  });
  it('amount formatting and parsing round-trip for any øre value', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        expect(parseAmount(formatAmount(ore))).toBe(ore);
      }));
  });
  it('parses what a clerk types', () => {
    expect(parseAmount('1 234,5')).toBe(123450);
    expect(parseAmount('kr 99')).toBe(9900);
    expect(parseAmount('12,345')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });
});
