// Issue 9: every channel of the catalog answers random and mutated input with a
// result — never a throw, never the `internal` error — a refused call leaves the
// database exactly as it was, and every successful write leaves the sales and
// purchasing audit clean. Runs from populated companies (test/helpers/fuzz-world.ts)
// with payloads built from what exists and mutated (test/helpers/fuzz-corpus.ts,
// fuzz-mutate.ts), as the open workstation, an administrator, a user without rights
// and a session nobody logged in on.
//
//   ORDREBOK_FUZZ_CALLS   calls in all (default 3000)
//   ORDREBOK_FUZZ_SEED    the seed (default random; printed on failure)
//   ORDREBOK_FUZZ_ROUND   replay one round of that seed (the failure names it)
//   ORDREBOK_FUZZ_ROUND_CALLS  calls per round, each on a fresh copy of a template (default 250)
//   ORDREBOK_FUZZ_MINIMIZE_MS  time for reducing findings to minimal reproductions (default 15 s)
//   ORDREBOK_FUZZ_SUMMARY write the run's summary there as JSON (npm run soak does)
//   ORDREBOK_FUZZ_PROGRESS print progress and each new kind of finding as it comes
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/catalog';
import { checkTheChecks, runFuzz, type FuzzSummary } from '../helpers/fuzz';

const env = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : Number(v);
};
const CALLS = env('ORDREBOK_FUZZ_CALLS') ?? 3000;
const SEED = env('ORDREBOK_FUZZ_SEED') ?? Math.floor(Math.random() * 2 ** 31);
const ROUND = env('ORDREBOK_FUZZ_ROUND');

describe('fuzz: every channel, random and mutated input', () => {
  it('sees the defects it looks for (planted ones), and nothing in honest calls', async () => {
    expect(await checkTheChecks()).toEqual({
      login: [],
      'honest write': [],
      'honest refusal of a session nobody is logged in on': [],
      'answer to a session nobody is logged in on': ['access'],
      'honest refusal': [],
      'refused after a committed write': ['refused_changed'],
      throw: ['throw'],
      internal: ['internal'],
      'broken stock figure behind a success': ['audit'],
    });
  }, 60_000);

  it(`answers with a result, never an internal error, changes nothing when it refuses, and keeps the audit clean (seed ${SEED})`, async () => {
    const { summary, findings } = await runFuzz({
      calls: CALLS,
      seed: SEED,
      ...(ROUND === undefined ? {} : { round: ROUND }),
      ...(env('ORDREBOK_FUZZ_ROUND_CALLS') === undefined ? {} : { roundCalls: env('ORDREBOK_FUZZ_ROUND_CALLS') }),
      ...(process.env.ORDREBOK_FUZZ_SUMMARY ? { summaryFile: process.env.ORDREBOK_FUZZ_SUMMARY } : {}),
      minimizeMs: env('ORDREBOK_FUZZ_MINIMIZE_MS') ?? 15_000,
      ...(process.env.ORDREBOK_FUZZ_PROGRESS ? { log: (line: string) => console.log(line) } : {}),
    });
    console.log(oneLine(summary));

    const report = findings.map((f) => `\n[${f.kind}] ${f.signature} — ${f.count}×\n${f.reproduction ?? ''}`).join('\n');
    expect(findings.length, `ORDREBOK_FUZZ_SEED=${SEED} ORDREBOK_FUZZ_CALLS=${CALLS} repeats this run.${report}`).toBe(0);
    expect(summary.harnessErrors, 'faults of the fuzz harness itself').toEqual([]);

    if (ROUND === undefined) {
      // The run reached every channel, and real paths: well over half the catalog accepted something.
      expect(summary.channelsCalled, 'channels called').toBe(CHANNEL_NAMES.length);
      if (CALLS >= 2000) expect(CHANNEL_NAMES.length - summary.channelsNeverOk.length, `channels that never accepted a call: ${summary.channelsNeverOk.join(', ')}`).toBeGreaterThan(CHANNEL_NAMES.length * 0.6);
    }
  }, Math.max(120_000, CALLS * 40));
});

function oneLine(s: FuzzSummary): string {
  const top = Object.entries(s.refusedByCode).slice(0, 6).map(([c, n]) => `${c} ${n}`).join(', ');
  return `fuzz seed ${s.seed}: ${s.calls} calls in ${s.rounds} rounds, ${(s.durationMs / 1000).toFixed(1)} s; ${s.ok} ok, ${s.refused} refused (${top}); internal ${s.internalErrors}, throws ${s.throws}, refused-but-changed ${s.refusedChanged}, audit ${s.auditViolations}, access ${s.accessViolations}; ${s.fingerprintChecks} fingerprints; never accepted: ${s.channelsNeverOk.join(' ') || '-'}`;
}
