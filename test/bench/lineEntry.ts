// npx tsx test/bench/lineEntry.ts [--enters E] [--saves S]   (also the last part of npm run bench)
//
// Issue 10: line entry on orders of 10, 100 and 1,000 lines, in Debian's
// Chromium through the loopback host, on an engine with a fresh temporary file
// (as the e2e tests run it). Measured in the page with performance.now(), from
// the key's keydown to the next animation frame after the DOM shows the result:
//   Enter     Enter on the last cell → the new line's product cell has focus;
//   suggest   the last keystroke of a product name → the suggestions for exactly that text;
//   save      Ctrl+S → the order shows "Lagret";
//   open      Enter on the order in the list → its lines are shown.
// Figures, not a test: the targets are printed beside them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { startHost } from '../../src-main/host/server';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}
const ENTERS = option('enters', 40);
const SAVES = option('saves', 7);
const SIZES = (process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1]!.split(',').map(Number) : [10, 100, 1000]);
const progress = (text: string) => process.stderr.write(`  ${text}\n`);
const RENDERER_DIR = resolve('dist/renderer');

interface Figures {
  enterMedian: number;
  enterP95: number;
  suggestMedian: number;
  saveMedian: number;
  openMedian: number;
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};

/**
 * Starts a measurement in the page: from the next keydown of `key` to the frame
 * after `done()` first holds (checked on every DOM change and focus move).
 */
interface Done {
  /** This element has focus (data-testid). */
  readonly focused?: string;
  /** An element matches this selector. */
  readonly exists?: string;
  /** This element (selector) has this text. */
  readonly text?: readonly [string, string];
}

// Plain JavaScript for the page (a string: tsx would add helpers the page does not have).
const ARM = `(({ key, done }) => {
  const test = () =>
    (!done.focused || document.activeElement?.getAttribute('data-testid') === done.focused) &&
    (!done.exists || document.querySelector(done.exists) !== null) &&
    (!done.text || document.querySelector(done.text[0])?.textContent === done.text[1]);
  window.__bench = new Promise((resolveTime) => {
    let t0 = -1;
    let finished = false;
    const check = () => {
      if (t0 < 0 || finished || !test()) return;
      finished = true;
      observer.disconnect();
      document.removeEventListener('focusin', check, true);
      requestAnimationFrame(() => resolveTime(performance.now() - t0));
    };
    const observer = new MutationObserver(check);
    const onKey = (e) => {
      if (e.key !== key) return;
      window.removeEventListener('keydown', onKey, true);
      t0 = performance.now();
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      document.addEventListener('focusin', check, true);
      queueMicrotask(check);
    };
    window.addEventListener('keydown', onKey, true);
  });
})`;

async function arm(page: Page, key: string, done: Done): Promise<void> {
  await page.evaluate(`${ARM}(${JSON.stringify({ key, done })})`);
}
async function measured(page: Page): Promise<number> {
  const result = await page.evaluate('Promise.race([window.__bench, new Promise((r) => setTimeout(() => r(-1), 20000))])');
  if (result === -1) {
    await page.screenshot({ path: 'test-results/bench-line-entry-timeout.png' });
    throw new Error('no result within 20 s (test-results/bench-line-entry-timeout.png)');
  }
  return result as number;
}


async function seed(t: TestEngine, lines: number) {
  await t.ok('company.save', COMPANY);
  const customer = await t.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', contacts: [] });
  const products: { id: number }[] = [];
  for (let i = 0; i < 20; i += 1) {
    const p = await t.ok('products.create', {
      number: `BYG-${1001 + i}`,
      name: `Konstruksjonsvirke 48x${98 + i} C24 impregnert`,
      unit: 'stk',
      priceOre: 18_900 + i * 100,
      vatCode: '25',
      stockManaged: true,
    });
    await t.ok('stock.receive', { productId: p.id, quantity: 1_000_000, costOre: 10_000 });
    products.push(p);
  }
  await t.ok('products.create', { number: 'A-1', name: 'Arbeidslampe LED', unit: 'stk', priceOre: 49_900, vatCode: '25', stockManaged: false });
  const order = await t.ok('orders.create', {
    header: { customerId: customer.id, orderType: 1 },
    lines: Array.from({ length: lines }, (_, i) => ({ productId: products[i % products.length]!.id, quantity: ((i % 5) + 1) * 1000 })),
  });
  return order;
}

async function openFromList(page: Page, number: number): Promise<number> {
  await page.keyboard.press('Alt+1');
  const search = page.getByTestId('order-search');
  await search.waitFor();
  if ((await search.inputValue()) !== String(number)) {
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/orders.list'));
    await search.fill(String(number));
    await reloaded;
  }
  const cell = page.locator('[data-testid=order-grid] .ag-row [col-id=number]').filter({ hasText: new RegExp(`^${number}$`) });
  for (let i = 0; i < 50; i += 1) {
    await cell.click();
    if (await cell.evaluate('(el) => el === document.activeElement || el.contains(document.activeElement)')) break;
    // The grid was still drawing: try again on its next frame.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
  }
  await arm(page, 'Enter', { exists: '[data-testid=line-0-product]', text: ['[data-testid=order-number]', String(number)] });
  await page.keyboard.press('Enter');
  return measured(page);
}

async function benchSize(page: Page, url: string, t: TestEngine, lines: number): Promise<Figures> {
  const order = await seed(t, lines);
  await page.goto(url);
  await page.getByTestId('order-list').waitFor();

  progress(`${lines} lines: open`);
  const opens: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    opens.push(await openFromList(page, order.number));
    await page.keyboard.press('Escape');
    await page.getByTestId('order-list').waitFor();
  }
  await openFromList(page, order.number);

  // Enter on the last cell of a complete last line → the next line. Each round types a line, then measures its last Enter.
  progress(`${lines} lines: Enter and suggestions`);
  const enters: number[] = [];
  const suggests: number[] = [];
  await page.keyboard.press('Alt+l');
  let n = lines - 1;
  await page.getByTestId(`line-${n}-product`).waitFor();
  await page.getByTestId(`line-${n}-discount`).focus();
  for (let i = 0; i < ENTERS; i += 1) {
    await arm(page, 'Enter', { focused: `line-${n + 1}-product` });
    await page.keyboard.press('Enter');
    enters.push(await measured(page));
    n += 1;
    // The product by part of its name: from the last keystroke to the suggestions for exactly what was typed.
    const word = i % 2 ? 'arbeidslamp' : 'konstruksjonsvirk';
    await page.keyboard.type(word.slice(0, -1));
    await arm(page, word.slice(-1), { exists: `[data-testid=line-${n}-product-options][data-query=${word}] [role=option]` });
    await page.keyboard.type(word.slice(-1));
    suggests.push(await measured(page));
    await page.keyboard.press('Enter');
    await page.getByTestId(`line-${n}-quantity`).waitFor();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'line-${n}-discount'`);
  }

  // Ctrl+S with every line sent: a changed quantity (on the last line, which is drawn), then the saved state on screen.
  progress(`${lines} lines: save`);
  const saves: number[] = [];
  for (let i = 0; i < SAVES; i += 1) {
    await page.getByTestId(`line-${n}-quantity`).focus();
    await page.keyboard.type(String((i % 7) + 2));
    await page.waitForFunction(`document.querySelector('[data-testid=order-dirty]')?.textContent !== 'Lagret'`);
    await arm(page, 's', { text: ['[data-testid=order-dirty]', 'Lagret'] });
    await page.keyboard.press('Control+s');
    saves.push(await measured(page));
  }
  const saved = await t.ok('orders.get', { id: order.id });
  if (saved.lines.length !== lines + ENTERS) throw new Error(`expected ${lines + ENTERS} lines saved, found ${saved.lines.length}`);

  return {
    enterMedian: quantile(enters, 0.5),
    enterP95: quantile(enters, 0.95),
    suggestMedian: quantile(suggests, 0.5),
    saveMedian: quantile(saves, 0.5),
    openMedian: quantile(opens, 0.5),
  };
}

export async function benchLineEntry(): Promise<Record<number, Figures>> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const executablePath = process.env.ORDREBOK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const out: Record<number, Figures> = {};
  try {
    for (const lines of SIZES) {
      const t = await makeEngine({ now: new Date() });
      const host = await startHost({ engine: t.engine, rendererDir: RENDERER_DIR });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      try {
        out[lines] = await benchSize(page, host.appUrl, t, lines);
      } finally {
        await page.close();
        await host.close();
        t.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

export function printLineEntry(figures: Record<number, Figures>): void {
  const rows: [string, keyof Figures, string][] = [
    ['Enter → next line, median', 'enterMedian', '≤ 16'],
    ['Enter → next line, p95', 'enterP95', '≤ 50'],
    ['Last keystroke → suggestions, median', 'suggestMedian', '≤ 100'],
    ['Ctrl+S → saved, median', 'saveMedian', '≤ 500'],
    ['Open → lines shown, median', 'openMedian', '≤ 500'],
  ];
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(`\nLine entry in Chromium (ms; ${ENTERS} Enters, ${SAVES} saves, 5 opens per size)`);
  console.log(`${'What'.padEnd(38)}${pad('10 lines', 10)}${pad('100 lines', 11)}${pad('1,000 lines', 13)}${pad('target (1,000)', 16)}`);
  for (const [label, key, target] of rows) {
    const v = (n: number) => (figures[n] ? figures[n][key].toFixed(1) : '–');
    console.log(`${label.padEnd(38)}${pad(v(10), 10)}${pad(v(100), 11)}${pad(v(1000), 13)}${pad(target, 16)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('lineEntry.ts')) {
  benchLineEntry().then(printLineEntry, (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
