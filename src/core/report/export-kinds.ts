/** Every export the app and the CLI offer. PDF is printed from the HTML by the transport (Electron or Chromium). */
export const EXPORT_KINDS = [
  'json',
  'sarif',
  'markdown',
  'html',
  'cyclonedx-json',
  'cyclonedx-xml',
  'pdf',
  'spdx-json',
  'spdx3-json',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
