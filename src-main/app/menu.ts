// The application menu, in Norwegian. Built as plain data (electron is imported
// for types only); main.ts hands it to Menu.buildFromTemplate. Roles keep the
// platform's own behaviour and shortcuts; the labels are ours.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  readonly isMac: boolean;
  /** Development build: adds reload and the developer tools. */
  readonly dev: boolean;
  readonly onAbout: () => void;
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'Om Ordrebok', click: () => opts.onAbout() };
  const quit: MenuItemConstructorOptions = { role: 'quit', label: 'Avslutt Ordrebok' };

  const appMenu: MenuItemConstructorOptions[] = opts.isMac
    ? [
        {
          label: 'Ordrebok',
          submenu: [
            about,
            { type: 'separator' },
            { role: 'hide', label: 'Skjul Ordrebok' },
            { role: 'hideOthers', label: 'Skjul andre' },
            { role: 'unhide', label: 'Vis alle' },
            { type: 'separator' },
            quit,
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'Fil',
    submenu: opts.isMac ? [{ role: 'close', label: 'Lukk vindu' }] : [quit],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      { role: 'undo', label: 'Angre' },
      { role: 'redo', label: 'Gjør om' },
      { type: 'separator' },
      { role: 'cut', label: 'Klipp ut' },
      { role: 'copy', label: 'Kopier' },
      { role: 'paste', label: 'Lim inn' },
      { role: 'selectAll', label: 'Merk alt' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      ...(opts.dev
        ? ([
            { role: 'reload', label: 'Last inn på nytt' },
            { role: 'toggleDevTools', label: 'Utviklerverktøy' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: 'Faktisk størrelse' },
      { role: 'zoomIn', label: 'Zoom inn' },
      { role: 'zoomOut', label: 'Zoom ut' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Fullskjerm' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Vindu',
    submenu: [
      { role: 'minimize', label: 'Minimer' },
      ...(opts.isMac ? ([{ role: 'zoom', label: 'Zoom' }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Hjelp',
    submenu: opts.isMac ? [] : [about],
  };

  return [...appMenu, file, edit, view, windowMenu, ...(opts.isMac ? [] : [help])];
}
