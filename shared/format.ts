// nb-NO formatting and parsing, written out by hand so that it never depends on
// the system locale or on the ICU data a runtime happens to ship (SPEC 9).
// Money is integer øre; quantities are integer thousandths.

export const NBSP = '\u00a0';

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 123450 øre → "1 234,50" (no-break space between thousands). */
export function formatAmount(ore: number, opts: { separator?: string } = {}): string {
  const sep = opts.separator ?? NBSP;
  const negative = ore < 0;
  const abs = Math.abs(Math.trunc(ore));
  const kroner = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${groupThousands(String(kroner), sep)},${rest}`;
}

/** 123450 øre → "kr 1 234,50" */
export function formatNok(ore: number): string {
  return `kr${NBSP}${formatAmount(ore)}`;
}

/** 2500 thousandths → "2,5"; 3000 → "3"; up to three decimals, trailing zeros dropped. */
export function formatQuantity(thousandths: number, opts: { separator?: string } = {}): string {
  const sep = opts.separator ?? NBSP;
  const negative = thousandths < 0;
  const abs = Math.abs(Math.trunc(thousandths));
  const whole = groupThousands(String(Math.floor(abs / 1000)), sep);
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `,${frac}` : ''}`;
}

/** "2025-01-05" → "05.01.2025" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "2025-01-05T13:07:00Z" → "05.01.2025 13:07" in local wall time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Basis points → "25 %" / "12,5 %". */
export function formatPercentBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(Math.abs(bp % 100)).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? `,${frac}` : ''}${NBSP}%`;
}

/**
 * Parses a decimal typed the Norwegian way ("1 234,5", "1234.50", "-3") into an
 * integer scaled by 10^decimals; null when it is not a number or has too many decimals.
 */
export function parseDecimal(input: string, decimals: number): number | null {
  const s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/^kr/i, '').replace(',', '.');
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > decimals) return null;
  const value = Number(m[2]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(value)) return null;
  return m[1] ? -value : value;
}

/** "1 234,50" → 123450 øre */
export const parseAmount = (input: string): number | null => parseDecimal(input, 2);
/** "2,5" → 2500 thousandths */
export const parseQuantity = (input: string): number | null => parseDecimal(input, 3);

/** "05.01.2025" or "5.1.25" or "2025-01-05" → "2025-01-05"; null when not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s);
    if (!m) return null;
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
    if (y < 100) y += 2000;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Minutes → "1 t 30 min", "45 min", "2 t" (Norwegian short units; English shows "1 h 30 min"). */
export function formatDuration(minutes: number, lang: 'nb' | 'en' = 'nb'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = `${h}${NBSP}${lang === 'nb' ? 't' : 'h'}`;
  const mins = `${m}${NBSP}min`;
  return h === 0 ? mins : m === 0 ? hours : `${hours} ${mins}`;
}

/**
 * A duration as a clerk types it → minutes: "90" (minutes), "1:30", "1 t 30 min",
 * "1t30", "1,5 t", "2 timer", "45 min", "1 h 15 m"; null when it is none of those or 0.
 */
export function parseDuration(input: string): number | null {
  const s = input.trim().toLowerCase().replace(',', '.');
  let minutes: number | null = null;
  let m = /^(\d+)$/.exec(s);
  if (m) minutes = Number(m[1]);
  else if ((m = /^(\d+):([0-5]\d)$/.exec(s))) minutes = Number(m[1]) * 60 + Number(m[2]);
  else if ((m = /^(\d+(?:\.\d+)?)\s*(?:t|h|timer?|hours?)(?:\s*(\d+)\s*(?:m|min|minutt(?:er)?|minutes?)?)?$/.exec(s))) {
    const hours = Number(m[1]);
    if (m[2] !== undefined && !Number.isInteger(hours)) return null;
    minutes = Math.round(hours * 60) + Number(m[2] ?? 0);
  } else if ((m = /^(\d+)\s*(?:m|min|minutt(?:er)?|minutes?)$/.exec(s))) minutes = Number(m[1]);
  return minutes !== null && minutes > 0 && Number.isSafeInteger(minutes) ? minutes : null;
}
