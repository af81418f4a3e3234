// Issue 13: the export's cells as pure functions. Properties: an amount or a
// quantity written for CSV reads back to the same integer (decimal comma, minus
// sign, no thousands separator); any text reads back from its CSV field as it
// was, apart from the apostrophe that guards text a spreadsheet would run as a
// formula, and no guarded field starts with a formula character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText, exportFileName, looksLikeFormula, norwegianDate, xlsxValue } from '../../src-main/engine/domain/exportCells';

/** One CSV field as a reader takes it: quotes removed, doubled quotes made single. */
function readField(field: string): string {
  return field.startsWith('"') && field.endsWith('"') && field.length >= 2 ? field.slice(1, -1).replace(/""/g, '"') : field;
}

describe('export cells', () => {
  it('writes øre as kroner with a decimal comma that reads back to the same øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }), (ore) => {
        const s = csvCell('amount', ore);
        expect(s).toMatch(/^-?\d+,\d{2}$/);
        expect(Math.round(Number(s.replace(',', '.')) * 100)).toBe(ore);
      }),
    );
    expect(csvCell('amount', -5)).toBe('-0,05');
    expect(csvCell('amount', 123_450)).toBe('1234,50');
  });

  it('writes thousandths as units without trailing zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (qty) => {
        const s = csvCell('quantity', qty);
        expect(s).toMatch(/^-?\d+(,\d{1,3})?$/);
        expect(s).not.toMatch(/,\d*0$/);
        expect(Math.round(Number(s.replace(',', '.')) * 1000)).toBe(qty);
      }),
    );
    expect(csvCell('quantity', 2_500)).toBe('2,5');
    expect(csvCell('quantity', -3_000)).toBe('-3');
  });

  it('keeps any text as it was, guarding what a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ';', '"', ' ', 'a', 'Å', 'ø', '1', ',') }), (text) => {
        const field = csvText(text);
        const back = readField(field);
        if (looksLikeFormula(text)) {
          expect(back).toBe(`'${text}`);
        } else {
          expect(back).toBe(text);
        }
        expect(looksLikeFormula(back)).toBe(false);
        // A field with a separator, a quote or a line break is quoted, so it stays one field.
        if (/[;"\r\n]/.test(back)) expect(field.startsWith('"')).toBe(true);
      }),
    );
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('Ærlig; Håndverk')).toBe('"Ærlig; Håndverk"');
  });

  it('writes dates as dd.mm.yyyy for CSV and as UTC midnight dates for .xlsx', () => {
    expect(norwegianDate('2026-12-04')).toBe('04.12.2026');
    expect(csvCell('date', '2025-01-05 10:00:00')).toBe('05.01.2025');
    expect(xlsxValue('date', '2026-12-04')).toEqual(new Date(Date.UTC(2026, 11, 4)));
    expect(xlsxValue('amount', 123_450)).toBe(1234.5);
    expect(xlsxValue('text', null)).toBeNull();
  });

  it('names the file in Norwegian with the date', () => {
    expect(exportFileName('orders', 'nb', '2026-12-04', 'xlsx')).toBe('Ordrer 2026-12-04.xlsx');
    expect(exportFileName('suppliers', 'nb', '2026-12-04', 'csv')).toBe('Leverandører 2026-12-04.csv');
    expect(exportFileName('products', 'en', '2026-12-04', 'csv')).toBe('Products 2026-12-04.csv');
  });
});
