// Issue 9: the sets of status kinds and order types that decide behaviour (open,
// issuing, invoiced, collective-eligible, unprocessed, part-deliverable …) are
// written in one module, shared/kinds.ts, which the engine, its audit and the
// screens read. This test reads every source file and fails on a second list:
// an array literal of two or more status kinds, or of order-type numbers named
// like a behaviour set, anywhere else. The status presets (domain/statusFlows.ts)
// are flows, not behaviour, and the catalog of kinds itself lives in shared/enums.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_KINDS } from '../../shared/enums';

const ROOTS = ['src-main', 'src-renderer', 'shared'];
const ALLOWED = new Set(['shared/kinds.ts', 'shared/enums.ts', 'src-main/engine/domain/statusFlows.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const KINDS = new Set<string>(STATUS_KINDS);
/** Array literals whose elements are all quoted strings (on one line or several). */
const STRING_ARRAY = /\[((?:\s*'[^'\n]*'\s*,?)+)\]/g;
/** A constant named like a behaviour set of order types, holding numbers. */
const TYPE_LIST = /(?:TYPES|_TYPE_IDS)\s*(?::[^=\n]*)?=\s*\[\s*\d/g;

/** The second copies in a source text: lists of two or more status kinds (and nothing else), and sets of order types. */
export function secondCopies(text: string): string[] {
  const kindLists = [...text.matchAll(STRING_ARRAY)]
    .map((m) => [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!))
    .filter((items) => items.length >= 2 && items.every((i) => KINDS.has(i)))
    .map((items) => `[${items.join(', ')}]`);
  const typeLists = [...text.matchAll(TYPE_LIST)].map((m) => m[0]);
  return [...kindLists, ...typeLists];
}

describe('status-kind and order-type sets live in shared/kinds.ts only', () => {
  it('finds a second copy where one is written (the check can fail)', () => {
    expect(secondCopies("const INVOICED_KINDS = ['invoiced', 'cash_invoiced'];")).toHaveLength(1);
    expect(secondCopies('export const PARTIAL_TYPES: readonly OrderTypeId[] = [1, 7, 9];')).toHaveLength(1);
    expect(secondCopies("const x = ['invoiced'];")).toHaveLength(0);
  });

  it('no source file but shared/kinds.ts keeps a list of them', () => {
    const found = ROOTS.flatMap(sourceFiles)
      .filter((f) => !ALLOWED.has(f.replace(/\\/g, '/')))
      .flatMap((f) => secondCopies(readFileSync(f, 'utf8')).map((line) => `${f}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
