// npm run soak — a long run of the property tests and the fuzz test (issue 9):
// by default 200 sequences per property test (ORDREBOK_SOAK_RUNS) and 50,000
// fuzz calls (ORDREBOK_FUZZ_CALLS), then a summary: each property test with its
// time, and the fuzz test's own figures (calls, refusals by code, internal
// errors, throws, refused calls that changed the database, audit violations,
// duration) with a minimal reproduction of each kind of finding.
//
//   npm run soak -- --runs 50 --calls 5000 --seed 42
//   npm run soak -- --only fuzz        (or --only properties)
//
// The summary is also written to .cache/soak/summary.txt; the fuzz test's JSON
// summary is .cache/soak/fuzz-summary.json. Exits non-zero when a test failed.
// ORDREBOK_FUZZ_ROUND_CALLS (calls per fuzz round) and ORDREBOK_FUZZ_MINIMIZE_MS
// (time for reducing findings, default 2 min here) pass through.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FuzzSummary } from '../test/helpers/fuzz';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'soak');
const FUZZ_SUMMARY = join(OUT, 'fuzz-summary.json');
const VITEST_REPORT = join(OUT, 'vitest.json');
const PROPERTY_TESTS = ['test/engine/sales-properties.test.ts', 'test/engine/purchasing-properties.test.ts'];
const FUZZ_TEST = 'test/engine/fuzz.test.ts';

function args(): { runs: number; calls: number; seed: number; only: 'fuzz' | 'properties' | null } {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const v = value(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number (got ${v})`);
    return n;
  };
  const only = value('only');
  if (only !== undefined && only !== 'fuzz' && only !== 'properties') throw new Error('--only takes fuzz or properties');
  return {
    runs: number('runs', 200),
    calls: number('calls', 50_000),
    seed: number('seed', Math.floor(Math.random() * 2 ** 31)),
    only: only ?? null,
  };
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const seconds = (ms: number) => (ms >= 120_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

interface VitestReport {
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly { readonly fullName: string; readonly status: string; readonly duration?: number; readonly failureMessages: readonly string[] }[];
  }[];
}

function main(): number {
  const { runs, calls, seed, only } = args();
  mkdirSync(OUT, { recursive: true });
  for (const f of [FUZZ_SUMMARY, VITEST_REPORT]) rmSync(f, { force: true });
  const files = only === 'fuzz' ? [FUZZ_TEST] : only === 'properties' ? PROPERTY_TESTS : [...PROPERTY_TESTS, FUZZ_TEST];

  console.log(`Soak: ${only === 'fuzz' ? '' : `${fmt(runs)} sequences per property test, `}${only === 'properties' ? '' : `${fmt(calls)} fuzz calls, `}seed ${seed}`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files, '--testTimeout=0', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        ORDREBOK_SOAK_RUNS: String(runs),
        ORDREBOK_FUZZ_CALLS: String(calls),
        ORDREBOK_FUZZ_SEED: String(seed),
        ORDREBOK_FUZZ_SUMMARY: FUZZ_SUMMARY,
        ORDREBOK_FUZZ_PROGRESS: '1',
        ORDREBOK_FUZZ_MINIMIZE_MS: process.env.ORDREBOK_FUZZ_MINIMIZE_MS ?? '120000',
      },
    },
  );
  const elapsed = Date.now() - started;

  const out: string[] = ['', `Soak summary (seed ${seed}), ${seconds(elapsed)} in all`];
  if (existsSync(VITEST_REPORT)) {
    const report = JSON.parse(readFileSync(VITEST_REPORT, 'utf8')) as VitestReport;
    out.push('', 'Tests');
    for (const file of report.testResults) {
      for (const t of file.assertionResults) {
        out.push(`  ${t.status === 'passed' ? '✓' : t.status === 'failed' ? '✗' : '-'} ${t.fullName}  ${seconds(t.duration ?? 0)}`);
      }
    }
  } else {
    out.push('', 'No test report (vitest did not finish).');
  }

  if (only !== 'properties') {
    if (existsSync(FUZZ_SUMMARY)) out.push(...fuzzSummary(JSON.parse(readFileSync(FUZZ_SUMMARY, 'utf8')) as FuzzSummary));
    else out.push('', 'Fuzz: no summary written (the fuzz test did not get to the end).');
  }
  const status = run.status ?? 1;
  out.push('', status === 0 ? 'Result: passed' : `Result: FAILED (vitest exit ${status}${run.signal ? `, ${run.signal}` : ''})`);
  const text = out.join('\n');
  console.log(text);
  writeFileSync(join(OUT, 'summary.txt'), `${text}\n`);
  return status;
}

function fuzzSummary(s: FuzzSummary): string[] {
  const codes = Object.entries(s.refusedByCode);
  const top = codes.slice(0, 12).map(([c, n]) => `${c} ${fmt(n)}`).join(', ');
  const out = [
    '',
    `Fuzz (seed ${s.seed})`,
    `  calls                              ${fmt(s.calls)} in ${fmt(s.rounds)} rounds, ${seconds(s.durationMs)} (${(s.durationMs / Math.max(1, s.calls)).toFixed(1)} ms a call)`,
    `  accepted                           ${fmt(s.ok)}`,
    `  refused                            ${fmt(s.refused)}: ${top}${codes.length > 12 ? `, and ${codes.length - 12} other codes` : ''}`,
    `  internal errors                    ${fmt(s.internalErrors)}`,
    `  throws / rejections                ${fmt(s.throws)}`,
    `  refused but changed the database   ${fmt(s.refusedChanged)}`,
    `  audit violations after a write     ${fmt(s.auditViolations)}`,
    `  read-only channel wrote            ${fmt(s.readWrote)}`,
    `  answered without login / right     ${fmt(s.accessViolations)}`,
    `  malformed results                  ${fmt(s.badResults)}`,
    `  full fingerprints compared         ${fmt(s.fingerprintChecks)} (data_version after every call)`,
    `  channels called                    ${s.channelsCalled}; never accepted: ${s.channelsNeverOk.join(', ') || 'none'}`,
    `  slowest calls                      ${s.slowest.slice(0, 5).map((x) => `${x.channel} ${x.ms} ms`).join(', ')}`,
    `  time (ms)                          ${Object.entries(s.timeMs).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
  ];
  if (s.templateStepsSkipped.length) out.push(`  template steps the engine refused  ${s.templateStepsSkipped.join('; ')}`);
  if (s.harnessErrors.length) out.push(`  faults of the fuzz harness itself  ${s.harnessErrors.join('\n                                     ')}`);
  out.push('', s.findings.length ? `Findings: ${s.findings.length} kinds` : 'Findings: none');
  for (const f of s.findings) {
    out.push('', `  [${f.kind}] ${f.signature} — ${fmt(f.count)}×`, ...f.reproduction.split('\n').map((l) => `    ${l}`));
  }
  return out;
}

try {
  process.exit(main());
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
}
