// Writers of bank files for tests, straight from the published formats: Nets OCR
// giro (80-character records) and ISO 20022 camt.054. The engine's parsers
// (domain/bankFiles) are checked against what these write.

export interface OcrPayment {
  readonly kid: string | null;
  readonly amountOre: number;
  /** ISO settlement date (oppgjørsdato). */
  readonly date: string;
  readonly archiveRef?: string;
  readonly payerAccount?: string;
  /** Nets transaction type: 10 giro debited account … 21 Nettgiro with free text. */
  readonly type?: number;
}

const num = (n: number | string, width: number) => String(n).padStart(width, '0');
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
const rec = (s: string) => {
  if (s.length !== 80) throw new Error(`record of ${s.length} characters: ${s}`);
  return s;
};

/** One forsendelse with one oppdrag per group of payments, numbers and totals as Nets writes them. */
export function ocrFile(oppdrag: readonly { readonly number: number; readonly payments: readonly OcrPayment[] }[], opts: { agreementId?: string; account?: string; transmission?: number } = {}): string {
  const agreement = opts.agreementId ?? '000012345';
  const account = opts.account ?? '15031234562';
  const lines = [rec(`NY000010${'00008080'}${num(opts.transmission ?? 1, 7)}${'00012345'}${'0'.repeat(49)}`)];
  let fileCount = 0;
  let fileSum = 0;
  for (const o of oppdrag) {
    const start = lines.length;
    lines.push(rec(`NY090020${agreement}${num(o.number, 7)}${account}${'0'.repeat(45)}`));
    let sum = 0;
    o.payments.forEach((p, i) => {
      const type = num(p.type ?? 13, 2);
      const nr = num(i + 1, 7);
      const sign = p.amountOre < 0 ? '-' : '0';
      lines.push(rec(`NY09${type}30${nr}${ddmmyy(p.date)}01${ddmmyy(p.date).slice(0, 2)}1${num(i + 1, 5)}${sign}${num(Math.abs(p.amountOre), 17)}${(p.kid ?? '').padStart(25, ' ')}${'0'.repeat(6)}`));
      lines.push(rec(`NY09${type}31${nr}${'0'.repeat(10)}${num(p.archiveRef ?? `${o.number}${i + 1}`.slice(-9), 9)}${'0'.repeat(7)}${ddmmyy(p.date)}${p.payerAccount ?? '12345678903'}${'0'.repeat(22)}`));
      sum += p.amountOre;
    });
    const dates = o.payments.map((p) => p.date).sort();
    const first = dates[0] ?? '2025-01-01';
    const last = dates[dates.length - 1] ?? first;
    lines.push(rec(`NY090088${num(o.payments.length, 8)}${num(lines.length - start + 1, 8)}${num(sum, 17)}${ddmmyy(last)}${ddmmyy(first)}${ddmmyy(last)}${'0'.repeat(21)}`));
    fileCount += o.payments.length;
    fileSum += sum;
  }
  const last = oppdrag.flatMap((o) => o.payments.map((p) => p.date)).sort().pop() ?? '2025-01-01';
  lines.push(rec(`NY000089${num(fileCount, 8)}${num(lines.length + 1, 8)}${num(fileSum, 17)}${ddmmyy(last)}${'0'.repeat(33)}`));
  return `${lines.join('\r\n')}\r\n`;
}

export interface CamtEntry {
  readonly side?: 'CRDT' | 'DBIT';
  readonly bookingDate: string;
  /** The entry's AcctSvcrRef (omit to use NtryRef + TxId). */
  readonly ref?: string;
  readonly ntryRef?: string;
  readonly currency?: string;
  readonly txs: readonly { readonly amountOre: number; readonly kid?: string | null; readonly ref?: string; readonly txId?: string; readonly payer?: string; readonly account?: string; readonly message?: string }[];
}

const kr = (ore: number) => `${Math.trunc(ore / 100)}.${num(ore % 100, 2)}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function camtFile(entries: readonly CamtEntry[], opts: { msgId?: string; summary?: boolean } = {}): string {
  const credit = entries.filter((e) => (e.side ?? 'CRDT') === 'CRDT').flatMap((e) => e.txs).reduce((s, t) => s + t.amountOre, 0);
  const debit = entries.filter((e) => e.side === 'DBIT').flatMap((e) => e.txs).reduce((s, t) => s + t.amountOre, 0);
  const ntry = entries.map((e) => {
    const total = e.txs.reduce((s, t) => s + t.amountOre, 0);
    const ccy = e.currency ?? 'NOK';
    const txs = e.txs.map(
      (t) => `        <TxDtls>
          <Refs>${t.ref ? `<AcctSvcrRef>${t.ref}</AcctSvcrRef>` : ''}${t.txId ? `<TxId>${t.txId}</TxId>` : ''}<EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="${ccy}">${kr(t.amountOre)}</Amt>
          <CdtDbtInd>${e.side ?? 'CRDT'}</CdtDbtInd>
          <RltdPties><Dbtr><Nm>${esc(t.payer ?? 'Ukjent betaler')}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>${t.account ?? '12345678903'}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id></DbtrAcct></RltdPties>
          <RmtInf>${t.message ? `<Ustrd>${esc(t.message)}</Ustrd>` : ''}${t.kid ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${t.kid}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>
        </TxDtls>`,
    );
    return `      <Ntry>
        ${e.ntryRef ? `<NtryRef>${e.ntryRef}</NtryRef>` : ''}
        <Amt Ccy="${ccy}">${kr(total)}</Amt>
        <CdtDbtInd>${e.side ?? 'CRDT'}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${e.bookingDate}</Dt></BookgDt>
        <ValDt><Dt>${e.bookingDate}</Dt></ValDt>
        ${e.ref ? `<AcctSvcrRef>${e.ref}</AcctSvcrRef>` : ''}
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
${txs.join('\n')}
        </NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${opts.msgId ?? 'MSG-1'}</MsgId><CreDtTm>2025-01-05T06:00:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>${opts.msgId ?? 'MSG-1'}-1</Id>
      <CreDtTm>2025-01-05T06:00:00</CreDtTm>
      <Acct><Id><Othr><Id>15031234562</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>NOK</Ccy></Acct>
${opts.summary === false ? '' : `      <TxsSummry><TtlCdtNtries><NbOfNtries>${entries.filter((e) => (e.side ?? 'CRDT') === 'CRDT').length}</NbOfNtries><Sum>${kr(credit)}</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>${entries.filter((e) => e.side === 'DBIT').length}</NbOfNtries><Sum>${kr(debit)}</Sum></TtlDbtNtries></TxsSummry>`}
${ntry.join('\n')}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}
