// The pure pieces of the documents: SSCC numbers and their check digit (GS1
// General Specifications 2.2.1), bin order on the picking list, the seller's
// particulars (SPEC 9), and what makes a reprint a reprint.
import { describe, expect, it } from 'vitest';
import { formatSscc, gs1CheckDigit, isValidSscc, makeSscc, ssccSerialCapacity } from '../../src-main/engine/documents/barcodes';
import { compareBins } from '../../src-main/engine/documents/build';
import { labels } from '../../src-main/engine/documents/labels';
import { inEnterpriseRegister, sellerOrgLine } from '../../src-main/engine/documents/particulars';
import { contentHash } from '../../src-main/engine/documents/service';
import type { PickingListModel } from '../../src-main/engine/documents/model';

describe('SSCC', () => {
  it("makes GS1's own example: (00) 1 0614141 123456789 7", () => {
    expect(makeSscc(1, '0614141', 123456789)).toBe('106141411234567897');
    expect(formatSscc('106141411234567897', 7)).toBe('(00) 1 0614141 123456789 7');
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567898')).toBe(false);
  });

  it('pads the serial to fill 17 digits whatever the prefix length, and knows when the series is used up', () => {
    // 1 extension digit + 10 prefix digits + 6 serial digits + the check digit.
    expect(makeSscc(0, '7012345678', 42)).toBe(`07012345678000042${gs1CheckDigit('07012345678000042')}`);
    expect(ssccSerialCapacity('7012345')).toBe(1_000_000_000);
    expect(ssccSerialCapacity('7012345678')).toBe(1_000_000);
    expect(() => makeSscc(0, '7012345678', 1_000_000)).toThrow();
  });
});

describe('bin order', () => {
  it('numbers within a bin name sort as numbers, letters as letters; no bin last', () => {
    const bins = ['B-1', null, 'A-10', 'a-2', 'A-02-3', 'C', 'A-2-10', 'A-2-9'];
    expect([...bins].sort(compareBins)).toEqual(['a-2', 'A-02-3', 'A-2-9', 'A-2-10', 'A-10', 'B-1', 'C', null]);
  });
});

describe("the seller's particulars", () => {
  it('org. no. followed by MVA only when VAT registered; Foretaksregisteret for AS and ASA', () => {
    const L = labels('nb');
    expect(sellerOrgLine({ orgNumber: '923609016', vatRegistered: true }, L)).toBe('Org.nr. 923 609 016 MVA');
    expect(sellerOrgLine({ orgNumber: '923609016', vatRegistered: false }, L)).toBe('Org.nr. 923 609 016');
    expect(inEnterpriseRegister('Fjordlager AS')).toBe(true);
    expect(inEnterpriseRegister('Statoil ASA')).toBe(true);
    expect(inEnterpriseRegister('Hansen Rørlegger')).toBe(false);
    expect(inEnterpriseRegister('Haslund')).toBe(false);
  });
});

describe('content hash', () => {
  const model: PickingListModel = {
    kind: 'picking_list',
    language: 'nb',
    issuedAt: '2025-01-05T09:00:00.000Z',
    seller: { name: 'Fjordlager AS', addressLine1: null, postalCode: null, city: null, country: 'NO', orgNumber: '923609016', vatRegistered: true, bankAccount: null, email: null, phone: null },
    logo: null,
    order: { number: 1, transactionType: 'sales', orderDate: '2025-01-05', deliveryDate: null, customerNumber: 1, customerReference: null, ourReference: null, paymentTermsDays: 14, notes: null },
    deliverTo: { name: 'Kunde', address: [], orgNumber: null, number: 1, contact: null },
    lines: [{ bin: 'A-1', productNumber: 'P', description: 'Vare', ean: null, quantity: 1000, unit: 'stk' }],
  };
  it('ignores the issue time and sees any change in what the document says, the logo included', () => {
    const h = contentHash(model, null);
    expect(contentHash({ ...model, issuedAt: '2030-01-01T00:00:00.000Z' }, null)).toBe(h);
    expect(contentHash({ ...model, lines: [{ ...model.lines[0]!, quantity: 2000 }] }, null)).not.toBe(h);
    expect(contentHash(model, 'a'.repeat(64))).not.toBe(h);
    expect(contentHash({ ...model, language: 'en' }, null)).not.toBe(h);
  });
});
