/**
 * Where the citizen's window goes: full screen on the first display that is not the operator's,
 * following displays as they are plugged in or out. Written against the few methods of
 * Electron's `screen` and `BrowserWindow` it uses, so it is tested under plain Node.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export interface ScreenLike {
  getPrimaryDisplay(): DisplayLike;
  getAllDisplays(): DisplayLike[];
  on(event: 'display-added' | 'display-removed', listener: (event: unknown, display: DisplayLike) => void): unknown;
}

export interface PlacedWindow {
  isDestroyed(): boolean;
  focus(): void;
  show(): void;
  close(): void;
  setBounds(bounds: Rect): void;
  setFullScreen(flag: boolean): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** The display the citizen (or the room) looks at: the first one that is not the operator's, if any. */
export const citizenDisplay = (screen: ScreenLike): DisplayLike | null => {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((display) => display.id !== primary.id) ?? null;
};

interface Open<W> {
  window: W;
  /** The separate display it fills, or null while it sits on the operator's screen. */
  displayId: number | null;
}

export class CitizenWindows<W extends PlacedWindow> {
  readonly #open = new Map<string, Open<W>>();
  readonly #screen: ScreenLike;
  readonly #create: (area: Rect) => W;

  /** `create` makes a hidden window on the display's work area; it is shown (and filled) when ready. */
  constructor(screen: ScreenLike, create: (area: Rect) => W) {
    this.#screen = screen;
    this.#create = create;
    screen.on('display-added', (_event, display) => this.#onAdded(display));
    screen.on('display-removed', (_event, display) => this.#onRemoved(display));
  }

  /** One window per key: asking again brings it forward. */
  open(key: string, load: (window: W) => void): W {
    const existing = this.#open.get(key);
    if (existing && !existing.window.isDestroyed()) {
      existing.window.focus();
      return existing.window;
    }
    const display = citizenDisplay(this.#screen);
    const window = this.#create((display ?? this.#screen.getPrimaryDisplay()).workArea);
    const entry: Open<W> = { window, displayId: null };
    this.#open.set(key, entry);
    window.on('closed', () => this.#open.delete(key));
    // Full screen only once the window exists on screen: at construction it is unreliable.
    window.once('ready-to-show', () => {
      const target = entry.displayId === null ? display : this.#displayById(entry.displayId);
      if (target) this.#fill(entry, target);
      window.show();
    });
    load(window);
    return window;
  }

  /** The operator's window closed: nothing may stay on the citizen's screen. */
  closeAll(): void {
    for (const { window } of this.#open.values()) if (!window.isDestroyed()) window.close();
  }

  #displayById(id: number) {
    return this.#screen.getAllDisplays().find((display) => display.id === id) ?? null;
  }

  #fill(entry: Open<W>, display: DisplayLike) {
    entry.window.setBounds(display.bounds);
    entry.window.setFullScreen(true);
    entry.displayId = display.id;
  }

  /** A display plugged in: windows waiting on the operator's screen move to it. */
  #onAdded(display: DisplayLike) {
    if (display.id === this.#screen.getPrimaryDisplay().id) return;
    for (const entry of this.#open.values()) {
      if (entry.displayId === null && !entry.window.isDestroyed()) this.#fill(entry, display);
    }
  }

  /** Their display unplugged: windows come back, windowed, to the operator's screen, to be closed or moved. */
  #onRemoved(display: DisplayLike) {
    for (const entry of this.#open.values()) {
      if (entry.displayId !== display.id || entry.window.isDestroyed()) continue;
      entry.window.setFullScreen(false);
      entry.window.setBounds(this.#screen.getPrimaryDisplay().workArea);
      entry.displayId = null;
    }
  }
}
