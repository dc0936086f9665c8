import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The page the app shows: its bundled file, or in development (never when packaged) the dev server's page. */
export interface AppPage {
  /** The file:// URL of the bundled renderer, as the window loads it. */
  fileUrl: string;
  /** The dev server's page URL, or null. */
  devUrl: string | null;
}

export function appPage(mainDir: string, env: Record<string, string | undefined>, packaged: boolean): AppPage {
  const dev = env['ELECTRON_RENDERER_URL'];
  return {
    fileUrl: pathToFileURL(join(mainDir, '../renderer/index.html')).href,
    devUrl: dev && !packaged && !env['GOBINSCOPE_PACKAGED'] ? normalised(dev) : null,
  };
}

function normalised(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** The page URL to load: the dev server when there is one, the bundled file otherwise. */
export function pageToLoad(page: AppPage): string {
  return page.devUrl ?? page.fileUrl;
}

/** Exactly the app's own page: another file:// page (a dropped HTML report, say) is not it. */
export function isAppPageUrl(url: string, page: AppPage): boolean {
  const href = normalised(url);
  return href !== null && (href === page.fileUrl || (page.devUrl !== null && href === page.devUrl));
}

/** The parts of a frame this check reads (Electron's WebFrameMain has them). */
export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
  parent: unknown;
}

export interface SenderLike {
  sender: unknown;
  senderFrame: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { mainFrame: FrameLike };
}

/**
 * A request is trusted only from the main frame of the window the app created, showing the app's own page. An
 * iframe, another window, or a page the main frame navigated to is refused, even if it is a file:// page.
 */
export function isFromAppWindow(event: SenderLike, window: WindowLike | null, page: AppPage): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const main = window.webContents.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppPageUrl(frame.url, page);
}
