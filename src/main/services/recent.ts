import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RecentFile } from '../../common/dto';

const MAX_RECENT = 12;

export interface WindowState {
  width: number;
  height: number;
}

/** The page opens a recent entry by this id, so it never has to send a path. */
function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** Entries from the settings file as written by any version: only well-formed ones are kept, each with an id. */
function loadedRecent(value: unknown): RecentFile[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Partial<RecentFile> & { path: string } => typeof r?.path === 'string' && r.path.length > 0)
    .slice(0, MAX_RECENT)
    .map((r) => ({
      path: r.path,
      name: typeof r.name === 'string' ? r.name : basename(r.path),
      openedAt: typeof r.openedAt === 'string' ? r.openedAt : '',
      id: typeof r.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(r.id) ? r.id : newId(),
    }));
}

interface Stored {
  recent: RecentFile[];
  window?: WindowState;
}

/** Recent files and window size, kept in the app's own settings folder (never next to inspected files). */
export class SettingsStore {
  private data: Stored;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'gobinscope-settings.json');
    this.data = this.load();
  }

  private load(): Stored {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Stored>;
      return { recent: loadedRecent(parsed.recent), window: parsed.window };
    } catch {
      return { recent: [] };
    }
  }

  private save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(this.data, null, 2));
    } catch {
      // Settings are a convenience: failing to save them must not disturb an analysis.
    }
  }

  recent(): RecentFile[] {
    return this.data.recent;
  }

  addRecent(path: string): void {
    const rest = this.data.recent.filter((r) => r.path !== path);
    // The same file keeps its id, so a list the page fetched earlier still opens it.
    const id = this.data.recent.find((r) => r.path === path)?.id ?? newId();
    const entry = { path, name: basename(path), openedAt: new Date().toISOString(), id };
    this.data.recent = [entry, ...rest].slice(0, MAX_RECENT);
    this.save();
  }

  clearRecent(): void {
    this.data.recent = [];
    this.save();
  }

  windowState(): WindowState {
    return this.data.window ?? { width: 1280, height: 860 };
  }

  setWindowState(state: WindowState): void {
    this.data.window = state;
    this.save();
  }
}
