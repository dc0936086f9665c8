import type { ReportExtras } from '../core/report/html/extras';
import type { Report, VulnDbInfo } from '../core/report/types';
import type {
  AppInfo,
  ByteWindow,
  ExportKind,
  ExportResult,
  FileSource,
  InitialFile,
  MenuCommand,
  Outcome,
  PartialEvent,
  ProgressEvent,
  RecentFile,
} from './dto';
import type { Result } from './result';
import type { VerificationResult, VerifyRequest } from './verify';

/**
 * The one contract between the renderer and the analysis service. The Electron preload and main handlers, and the
 * serve-mode HTTP transport, are both built from these maps, so a change breaks the build everywhere it matters.
 */
export interface InvokeMap {
  'app:info': { args: []; result: AppInfo };
  /**
   * Opens one file (a binary or an SBOM) or two (binaries to compare, or a binary and its SBOM); progress and
   * partial results arrive as events with the same jobId.
   */
  'analysis:run': { args: [jobId: string, sources: FileSource[]]; result: Result<Outcome> };
  'analysis:cancel': { args: [jobId: string]; result: Result<void> };
  /** Files named on the command line; each is offered once. */
  'files:initial': { args: []; result: Result<InitialFile[]> };
  /** Native open dialog (desktop only); resolves to the chosen files or an empty list. */
  'files:pick': { args: [multiple: boolean]; result: Result<InitialFile[]> };
  'recent:list': { args: []; result: Result<RecentFile[]> };
  /** Renders an export of a report (with its comparison or reconciliation); saves it (desktop) or returns it (serve). */
  'export:file': {
    args: [kind: ExportKind, report: Report, extras: ReportExtras | null];
    result: Result<ExportResult>;
  };
  'window:set-title': { args: [title: string]; result: Result<void> };
  /**
   * The clear text of one masked item of a finished analysis (a path its outcome lists as revealable, e.g.
   * "analysis/strings/12/value"): secrets reach the window one at a time, only when the user asks.
   */
  'secrets:reveal': { args: [jobId: string, path: string]; result: Result<string> };
  /** The vulnerability database the next analysis will use; null when none is loaded. */
  'vulndb:status': { args: []; result: Result<VulnDbInfo | null> };
  /**
   * Imports a vulnerability database into the user's data folder (the one the CLI uses): in the app from a native
   * dialog (upload null), in serve mode from an uploaded zip. Resolves to null when the user cancelled the dialog.
   */
  'vulndb:import': { args: [upload: string | null]; result: Result<VulnDbInfo | null> };
  /** Checks an opened binary against a detached signature and its key, and/or a go.sum, in a worker of the host. */
  'signature:verify': { args: [request: VerifyRequest]; result: Result<VerificationResult> };
  /**
   * A few KiB of one file of a finished analysis from an offset (the hex view): by job id and the analysis's place
   * in the outcome ("analysis", "a" or "b"), never by path. Bytes of masked texts come back blanked.
   */
  'bytes:read': {
    args: [jobId: string, place: 'analysis' | 'a' | 'b', offset: number, length: number];
    result: Result<ByteWindow>;
  };
}

export interface EventMap {
  'analysis:progress': ProgressEvent;
  'analysis:partial': PartialEvent;
  'menu:command': { command: MenuCommand };
  /** Files opened from the menu, the recent list or a second launch: the renderer starts analysing them. */
  'files:opened': { files: InitialFile[] };
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;
export type InvokeArgs<C extends InvokeChannel> = InvokeMap[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeMap[C]['result'];

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:info',
  'analysis:run',
  'analysis:cancel',
  'files:initial',
  'files:pick',
  'recent:list',
  'export:file',
  'window:set-title',
  'secrets:reveal',
  'vulndb:status',
  'vulndb:import',
  'signature:verify',
  'bytes:read',
];

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'analysis:progress',
  'analysis:partial',
  'menu:command',
  'files:opened',
];

/** The API object the renderer sees (window.api in the app, an HTTP client in serve mode). */
export interface GobinscopeApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Turns a dropped or picked File into a source the service accepts (a path in the app, an upload in a browser). */
  sourceFor(file: File): Promise<Result<FileSource>>;
}

/**
 * Main's side of a drop: the preload sends the path webUtils.getPathForFile found for a dropped File and gets a
 * source back. Deliberately not in INVOKE_CHANNELS, so the page's invoke() cannot reach it and name a path itself.
 */
export const DROPPED_FILE_CHANNEL = 'files:dropped';
