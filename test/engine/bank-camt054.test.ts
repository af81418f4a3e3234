// ISO 20022 camt.054 credit notifications (SPEC 11): the parser on our own
// fixture files, and the refusals for malformed variants of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { parseBankFile } from '../../src-main/engine/domain/bankFiles';
import { camtFile } from '../helpers/bankFiles';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/bank', name), 'utf8');

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.data;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('camt.054 parser', () => {
  it('reads every credit with amount, booking date, KID, payer and the bank’s reference', () => {
    const p = parseBankFile(fixture('camt054-payments.xml'));
    expect(p.format).toBe('camt054');
    expect(p.transactions.map((t) => [t.externalRef, t.bankRef, t.amountOre, t.bookingDate, t.kid, t.payerName])).toEqual([
      ['camt:TX-0001', 'TX-0001', 125000, '2025-01-04', '01000100000032', 'Bergen Bygg AS'],
      ['camt:TX-0002', 'TX-0002', 30000, '2025-01-04', '77001239', 'Åse Ødegård'],
      ['camt:TX-0003', 'TX-0003', 45000, '2025-01-04', null, 'Ola Nordmann'],
      // No AcctSvcrRef: the entry's NtryRef and the transaction's TxId identify it.
      ['camt:NR-77:E2E-77', 'E2E-77', 125000, '2025-01-04', '01000100000057', 'Bergen Bygg AS'],
    ]);
    expect(p.transactions[0]!.payerAccount).toBe('36251234568');
    expect(p.transactions[2]!.message).toBe('Faktura 5 delbetaling');
  });

  it('a debit (DBIT) and an amount in another currency are reported as ignored with why, never as payments', () => {
    expect(parseBankFile(fixture('camt054-payments.xml')).ignored).toEqual([
      { externalRef: 'camt:TX-0004', amountOre: 9900, kid: null, reasonNb: 'Utbetaling (debet), ikke en innbetaling', reasonEn: 'A debit, not a payment received' },
    ]);
    const again = parseBankFile(fixture('camt054-again.xml'));
    expect(again.transactions.map((t) => t.externalRef)).toEqual(['camt:TX-0001']);
    expect(again.ignored).toEqual([expect.objectContaining({ externalRef: 'camt:TX-0010', reasonNb: 'Beløpet er i EUR, ikke NOK' })]);
  });

  it('reads camt.054 without a namespace prefix problem (prefixed elements) and older versions', () => {
    const prefixed = fixture('camt054-payments.xml')
      .replace('xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"', 'xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"')
      .replace(/<(\/?)([A-Z][A-Za-z]*)/g, '<$1c:$2');
    expect(parseBankFile(prefixed).transactions).toHaveLength(4);
  });

  const base = () => fixture('camt054-payments.xml');
  const refusals: [string, () => string, string, string | null][] = [
    ['an entry whose transactions do not add up to it', () => base().replace('<Amt Ccy="NOK">750.00</Amt>', '<Amt Ccy="NOK">760.00</Amt>'), 'bank_file_totals', 'Ntfctn[1]/Ntry[2]'],
    ['a summary that does not add up', () => base().replace(/<TtlCdtNtries><NbOfNtries>3<\/NbOfNtries><Sum>[\d.]+<\/Sum>/, '<TtlCdtNtries><NbOfNtries>3</NbOfNtries><Sum>1.00</Sum>'), 'bank_file_totals', 'Ntfctn[1]/TxsSummry'],
    ['an amount that is not a number', () => base().replace('<Amt Ccy="NOK">1250.00</Amt>', '<Amt Ccy="NOK">1 250,00</Amt>'), 'bank_file_bad_element', 'Ntfctn[1]/Ntry[1]/Amt'],
    ['a bad booking date', () => base().replace('<BookgDt><Dt>2025-01-04</Dt>', '<BookgDt><Dt>2025-02-30</Dt>'), 'bank_file_bad_element', 'Ntfctn[1]/Ntry[1]/BookgDt'],
    ['an unknown direction', () => base().replace('<CdtDbtInd>CRDT</CdtDbtInd>', '<CdtDbtInd>XXXX</CdtDbtInd>'), 'bank_file_bad_element', 'Ntfctn[1]/Ntry[1]/CdtDbtInd'],
    ['a transaction with no reference of the bank', () => base().replace('<Refs><AcctSvcrRef>TX-0003</AcctSvcrRef>', '<Refs>').replace('<AcctSvcrRef>NTRY-0002</AcctSvcrRef>', ''), 'bank_file_bad_element', 'Ntfctn[1]/Ntry[2]/TxDtls[2]'],
  ];
  for (const [name, make, code, element] of refusals) {
    it(`refuses ${name} (${code}), naming the element`, () => {
      const e = refusal(() => parseBankFile(make()));
      expect(e.code).toBe(code);
      expect(e.field).toBe('content');
      expect(e.message.nb).toContain(element);
      expect(e.message.nb).not.toBe(e.message.en);
    });
  }

  it('refuses XML that is not camt.054: broken XML, a camt.053 statement, another namespace', () => {
    expect(refusal(() => parseBankFile('<Document><BkToCstmrDbtCdtNtfctn>')).code).toBe('bank_file_not_camt054');
    const statement = refusal(() => parseBankFile('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>'));
    expect(statement.code).toBe('bank_file_not_camt054');
    expect(statement.message.nb).toContain('BkToCstmrStmt');
    const ns = refusal(() => parseBankFile(base().replace('camt.054.001.08', 'pain.001.001.03')));
    expect(ns.code).toBe('bank_file_not_camt054');
  });

  it('an entry without details is one transaction of the entry’s amount', () => {
    const xml = camtFile([{ bookingDate: '2025-01-04', ref: 'E-1', txs: [{ amountOre: 5000, kid: '01000100000016' }] }])
      .replace(/<NtryDtls>[\s\S]*<\/NtryDtls>/, '');
    const p = parseBankFile(xml);
    expect(p.transactions).toEqual([expect.objectContaining({ externalRef: 'camt:E-1:', amountOre: 5000, kid: null })]);
  });
});
