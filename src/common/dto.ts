import type { FoundString, Report } from '../core/report/types';
import type { Outcome } from '../core/workbench';
import type { ExportKind } from '../core/report/export-kinds';

export type { Outcome, ExportKind };

/** Where the bytes of an analysis come from. Paths are accepted only from the desktop app's own renderer. */
export type FileSource =
  | { kind: 'path'; path: string }
  /** Bytes the user dropped or picked in a browser (serve mode), uploaded first. */
  | { kind: 'upload'; id: string }
  /** A file named on the command line of `gobinscope serve` or the app. */
  | { kind: 'initial'; id: string }
  /** An entry of the desktop app's recent list, by the entry's id (the page never sends the path). */
  | { kind: 'recent'; id: string };

export interface InitialFile {
  source: FileSource;
  name: string;
}

export interface AnalysisResult {
  report: Report;
  strings: FoundString[];
}

export type AnalysisStage = 'reading' | 'hashing' | 'format' | 'go' | 'strings' | 'findings' | 'done';

export interface ProgressEvent {
  jobId: string;
  stage: AnalysisStage;
  /** 0..1 */
  fraction: number;
  fileName: string;
  fileSize: number;
}

export interface PartialEvent {
  jobId: string;
  report: Partial<Report>;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
  /** Opening the entry sends this id, never the path. */
  id: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** "electron" inside the desktop app, "http" in serve mode. */
  transport: 'electron' | 'http';
}

/** Menu commands the main process forwards to the renderer. */
export type MenuCommand = 'open' | 'compare' | 'close' | `export:${ExportKind}` | 'vulndb:import';

/** A finished export: saved through a dialog (desktop), or handed back for the browser to download (serve). */
export interface ExportResult {
  fileName: string;
  mime: string;
  /** Where the desktop app saved it; null when the user cancelled or in serve mode. */
  savedTo: string | null;
  /** Serve mode: the content for a browser download. */
  download: { encoding: 'utf8' | 'base64'; content: string } | null;
}

/** Bytes around an offset of an analysed file (the hex view), with what was withheld because it holds a secret. */
export interface ByteWindow {
  /** File offset of the first byte. */
  offset: number;
  /** The bytes, base64 (the same over IPC and HTTP); withheld ones are zero. */
  bytes: string;
  fileSize: number;
  /** Runs [start, end) of file offsets withheld; `path` is the revealable item they belong to, when known. */
  masked: { start: number; end: number; path: string | null }[];
}
