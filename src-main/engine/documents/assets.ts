// The fonts every document embeds, read from assets/fonts (never from the
// machine), parsed once per process and shared by every document rendered.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';

export const FONT_FILES = { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' } as const;

/** assets/fonts in the source tree, or a fonts folder copied beside a bundle. */
export function fontsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '..', '..', '..', 'assets', 'fonts'),
    join(here, 'fonts'),
    join(here, 'assets', 'fonts'),
    join(here, '..', '..', 'assets', 'fonts'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, FONT_FILES.regular)));
  if (!found) throw new Error(`Document fonts (${FONT_FILES.regular}) not found near ${here}`);
  return found;
}

export interface DocumentFonts {
  readonly regular: Font;
  readonly bold: Font;
}

let fonts: DocumentFonts | null = null;

/**
 * Parsing a TrueType font costs more than laying out a page, so each font is
 * parsed once; pdfkit subsets it afresh into every document.
 */
export function documentFonts(): DocumentFonts {
  if (!fonts) {
    const dir = fontsFolder();
    const load = (file: string) => create(readFileSync(join(dir, file))) as Font;
    fonts = { regular: load(FONT_FILES.regular), bold: load(FONT_FILES.bold) };
  }
  return fonts;
}
