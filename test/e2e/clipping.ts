/// <reference lib="dom" />
// Finds text the clerk cannot read whole on the screen as it is now: an input
// whose value is wider than the box, a select whose chosen text is wider than
// its box, and a cell, label, heading or button whose text overflows its box
// (cut off, ellipsed, or spilling over its neighbour). Only what is shown
// counts: hidden screens, and elements scrolled out of their grid, are skipped.
import type { Page } from '@playwright/test';

export interface Clipped {
  /** The nearest data-testid (or col-id / tag) to find the element by. */
  readonly where: string;
  readonly text: string;
  /** How wide the text is, and how wide its box. */
  readonly needs: number;
  readonly has: number;
}

/**
 * Every clipped text inside `root` (default the whole page), except inside the
 * `ignore` selectors (parts another test answers for).
 */
export async function findClipped(page: Page, opts: { root?: string; ignore?: readonly string[] } = {}): Promise<Clipped[]> {
  return page.evaluate(({ root, ignore }) => {
    const out: { where: string; text: string; needs: number; has: number }[] = [];
    const scope = document.querySelector(root);
    if (!scope) return out;
    const canvas = document.createElement('canvas').getContext('2d')!;
    const where = (el: Element): string => {
      const tid = el.closest('[data-testid]');
      const col = el.closest('[col-id]');
      const id = tid?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
      return col && tid?.contains(col) ? `${id} [col-id=${col.getAttribute('col-id')}]` : id;
    };
    const shown = (el: HTMLElement): boolean => {
      if (!el.getClientRects().length) return false;
      const r = el.getBoundingClientRect();
      // Zero-sized, or the 1 px boxes of text for screen readers only.
      if (r.width <= 1 || r.height <= 1) return false;
      // Scrolled sideways out of its grid's view: not on screen now, so not clipped now.
      // (Below the fold of a scrolling panel still counts: the clerk scrolls there.)
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          const pr = p.getBoundingClientRect();
          if (r.right <= pr.left || r.left >= pr.right) return false;
        }
      }
      return true;
    };
    /**
     * Cut by the edge of a panel that scrolls sideways (a button half out of a side
     * panel). A grid's columns scrolling sideways are the grid's own way of showing
     * more columns than fit, with its scrollbar, and do not count.
     */
    const cutByPanel = (el: HTMLElement): boolean => {
      // The grids, AG Grid's and the hand-built lines tables (.lines), scroll sideways by design.
      if (el.closest('.ag-root-wrapper, .lines')) return false;
      const r = el.getBoundingClientRect();
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          const pr = p.getBoundingClientRect();
          if (r.left < pr.left - 1 || r.right > pr.right + 1) return true;
        }
      }
      return false;
    };
    const skip = (el: Element) => ignore.some((sel) => el.closest(sel));
    const hasOwnText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');

    for (const el of Array.from(scope.querySelectorAll<HTMLElement>('*'))) {
      if (skip(el) || !shown(el)) continue;
      const style = getComputedStyle(el);
      if (el instanceof HTMLInputElement) {
        if (!['text', 'search', 'tel', 'email', 'number', ''].includes(el.type) || !el.value) continue;
        if (el.scrollWidth - el.clientWidth > 1) out.push({ where: where(el), text: el.value, needs: el.scrollWidth, has: el.clientWidth });
        continue;
      }
      if (el instanceof HTMLSelectElement) {
        const text = el.selectedOptions[0]?.text ?? '';
        if (!text) continue;
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const needs = Math.ceil(canvas.measureText(text).width);
        // The box less its padding and the drop-down arrow.
        const has = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (needs > has) out.push({ where: where(el), text, needs, has: Math.floor(has) });
        continue;
      }
      if (el instanceof HTMLTextAreaElement || !hasOwnText(el)) continue;
      const text = (el.textContent ?? '').trim();
      if (el.scrollWidth - el.clientWidth > 1) out.push({ where: where(el), text, needs: el.scrollWidth, has: el.clientWidth });
      else if (cutByPanel(el)) out.push({ where: `${where(el)} (cut by its panel's edge)`, text, needs: el.scrollWidth, has: 0 });
    }
    return out;
  }, { root: opts.root ?? 'body', ignore: [...(opts.ignore ?? [])] });
}

/** Sets the window's width (keeping its height), for the layout checks at 1280 and 1440. */
export async function atWidth(page: Page, width: number): Promise<void> {
  const height = page.viewportSize()?.height ?? 900;
  await page.setViewportSize({ width, height });
}

/**
 * Waits until the screen has stopped changing its layout: the widths of every
 * grid header, cell and input are the same two frames apart (the lists widen
 * their text columns as rows arrive), so the check judges what the clerk sees.
 */
export async function layoutSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const widths = () =>
          Array.from(document.querySelectorAll('.ag-header-cell, .ag-cell, input, button'), (e) => e.getBoundingClientRect().width).join(',');
        const before = widths();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(before === widths())));
      }),
  );
}
