// The one fold for searching text (issue 10): what the search columns store
// (party.name_fold, product.name_fold, …) and what every search folds its input
// with, so that "åsane", "ÅSANE" and "Åsane" find each other.
//
// - Lowercase for every letter, not only ASCII (SQLite's NOCASE and LIKE fold
//   A–Z only): Æ/æ, Ø/ø, Å/å are each other's case pairs.
// - æ, ø and å stay letters of their own: "å" never matches "a", and "aa" is NOT
//   taken as "å" (old spellings like "Aasen" are written as they are registered).
// - The Swedish and German ä and ö are the same letters as æ and ø (as in the
//   Norwegian sort order, domain/sortKey.ts); other accents are dropped (é → e, ü → u).
// - Text arriving decomposed (a + ring, as pasted from some systems) is composed first.
const SAME_LETTER: Readonly<Record<string, string>> = { ä: 'æ', ö: 'ø' };

export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{ASCII}]/gu, (c) => {
      if (c === 'æ' || c === 'ø' || c === 'å') return c;
      return SAME_LETTER[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');
    });
}

/** The fold of a search box's text: trimmed, and null when nothing is left to search for. */
export function foldedSearch(text: string | undefined): string | null {
  const folded = foldText(text?.trim() ?? '');
  return folded ? folded : null;
}
