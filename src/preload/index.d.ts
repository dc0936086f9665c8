import type { GobinscopeApi } from '../common/ipc';

declare global {
  interface Window {
    /** Present inside the desktop app; absent in serve mode, where src/renderer/src/api.ts talks HTTP. */
    api?: GobinscopeApi;
  }
}

export {};
