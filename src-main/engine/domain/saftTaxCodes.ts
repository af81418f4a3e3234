// The SAF-T standard VAT codes Ordrebok books with (Skatteetaten's
// Standard_Tax_Codes.csv; test/engine/saft-export.test.ts checks them against it).
export const SAFT_TAX_CODES: Readonly<Record<string, { readonly nb: string; readonly percent: number; readonly compensation: boolean }>> = {
  '0': { nb: 'Ingen merverdiavgiftsbehandling (anskaffelser)', percent: 0, compensation: true },
  '1': { nb: 'Fradragsberettiget innenlands inngående merverdiavgift', percent: 25, compensation: true },
  '11': { nb: 'Fradragsberettiget innenlands inngående merverdiavgift', percent: 15, compensation: true },
  '13': { nb: 'Fradragsberettiget innenlands inngående merverdiavgift', percent: 12, compensation: true },
  '3': { nb: 'Utgående merverdiavgift', percent: 25, compensation: false },
  '31': { nb: 'Utgående merverdiavgift', percent: 15, compensation: false },
  '33': { nb: 'Utgående merverdiavgift', percent: 12, compensation: false },
  '5': { nb: 'Innenlands omsetning og uttak fritatt for merverdiavgift', percent: 0, compensation: false },
  '6': { nb: 'Omsetning og uttak utenfor merverdiavgiftsloven', percent: 0, compensation: false },
};
