import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../common/dto';
import type { SettingsStore } from './services/recent';

export interface MenuActions {
  open(): void;
  openPath(path: string): void;
  command(command: MenuCommand): void;
}

/** File > Open…, Open Recent, Compare…, Import Vulnerability Database…, Export…, Quit; rebuilt when the recent list changes. */
export function buildMenu(window: BrowserWindow, settings: SettingsStore, actions: MenuActions): void {
  const recent: MenuItemConstructorOptions[] = settings
    .recent()
    .map((r) => ({ label: r.path, click: () => actions.openPath(r.path) }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        {
          label: 'Open Recent',
          submenu:
            recent.length > 0
              ? [
                  ...recent,
                  { type: 'separator' },
                  {
                    label: 'Clear Recent',
                    click: () => {
                      settings.clearRecent();
                      buildMenu(window, settings, actions);
                    },
                  },
                ]
              : [{ label: 'No recent files', enabled: false }],
        },
        { label: 'Compare…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.command('compare') },
        { type: 'separator' },
        { label: 'Import Vulnerability Database…', click: () => actions.command('vulndb:import') },
        { type: 'separator' },
        {
          label: 'Export',
          submenu: [
            { label: 'PDF of This Screen…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export:pdf') },
            { label: 'JSON…', click: () => actions.command('export:json') },
            { label: 'SARIF…', click: () => actions.command('export:sarif') },
            { label: 'Markdown…', click: () => actions.command('export:markdown') },
            { label: 'SBOM (CycloneDX JSON)…', click: () => actions.command('export:cyclonedx-json') },
            { label: 'SBOM (CycloneDX XML)…', click: () => actions.command('export:cyclonedx-xml') },
            { label: 'SBOM (SPDX 2.3 JSON)…', click: () => actions.command('export:spdx-json') },
            { label: 'SBOM (SPDX 3.0 JSON-LD)…', click: () => actions.command('export:spdx3-json') },
          ],
        },
        { type: 'separator' },
        { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.command('close') },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
