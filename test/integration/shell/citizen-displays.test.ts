import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CitizenWindows, type DisplayLike, type Rect } from '../../../main/shell/citizen-displays.ts';

const display = (id: number, x: number): DisplayLike => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 30, width: 1920, height: 1050 },
});
const OPERATOR = display(1, 0);
const WALL = display(2, 1920);

/** Stands for Electron's `screen`: the displays plugged in, and their added/removed events. */
class FakeScreen extends EventEmitter {
  displays: DisplayLike[];
  constructor(displays: DisplayLike[]) {
    super();
    this.displays = displays;
  }
  getPrimaryDisplay = () => OPERATOR;
  getAllDisplays = () => this.displays;
  plug(added: DisplayLike) {
    this.displays = [...this.displays, added];
    this.emit('display-added', {}, added);
  }
  unplug(removed: DisplayLike) {
    this.displays = this.displays.filter((item) => item.id !== removed.id);
    this.emit('display-removed', {}, removed);
  }
}

/** Stands for a BrowserWindow: where it is, whether it fills its display, whether it is shown. */
class FakeWindow extends EventEmitter {
  bounds: Rect;
  fullScreen = false;
  shown = false;
  destroyed = false;
  focused = 0;
  constructor(area: Rect) {
    super();
    this.bounds = area;
  }
  isDestroyed = () => this.destroyed;
  focus = () => void (this.focused += 1);
  show = () => void (this.shown = true);
  close = () => {
    this.destroyed = true;
    this.emit('closed');
  };
  setBounds = (bounds: Rect) => void (this.bounds = bounds);
  setFullScreen = (flag: boolean) => void (this.fullScreen = flag);
}

const windowsOn = (screen: FakeScreen) => new CitizenWindows(screen, (area) => new FakeWindow(area));

describe('the citizen window', () => {
  it("fills the second display's bounds once ready to show, not at construction", () => {
    const windows = windowsOn(new FakeScreen([OPERATOR, WALL]));
    const window = windows.open('citizen:1', () => undefined);
    expect(window.fullScreen).toBe(false);
    expect(window.bounds).toEqual(WALL.workArea);
    window.emit('ready-to-show');
    expect(window).toMatchObject({ bounds: WALL.bounds, fullScreen: true, shown: true });
  });

  it('stays windowed on the operator screen with one display, and moves to a display plugged in later', () => {
    const screen = new FakeScreen([OPERATOR]);
    const windows = windowsOn(screen);
    const window = windows.open('projector:1', () => undefined);
    window.emit('ready-to-show');
    expect(window).toMatchObject({ bounds: OPERATOR.workArea, fullScreen: false, shown: true });
    screen.plug(WALL);
    expect(window).toMatchObject({ bounds: WALL.bounds, fullScreen: true });
    screen.unplug(WALL);
    expect(window).toMatchObject({ bounds: OPERATOR.workArea, fullScreen: false });
  });

  it('one window per run and mode; closing the operator window closes every citizen window', () => {
    const windows = windowsOn(new FakeScreen([OPERATOR, WALL]));
    const first = windows.open('citizen:1', () => undefined);
    expect(windows.open('citizen:1', () => undefined)).toBe(first);
    expect(first.focused).toBe(1);
    const other = windows.open('questionnaire:2', () => undefined);
    windows.closeAll();
    expect([first.destroyed, other.destroyed]).toEqual([true, true]);
    expect(windows.open('citizen:1', () => undefined)).not.toBe(first);
  });
});
