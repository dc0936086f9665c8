import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RecentFile } from '../../common/dto';

const MAX_RECENT = 12;

export interface WindowState {
  width: number;
  height: number;
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
      return { recent: Array.isArray(parsed.recent) ? parsed.recent.slice(0, MAX_RECENT) : [], window: parsed.window };
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
    this.data.recent = [{ path, name: basename(path), openedAt: new Date().toISOString() }, ...rest].slice(
      0,
      MAX_RECENT,
    );
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
