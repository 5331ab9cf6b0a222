/**
 * A stand-in for the `electron` module, recording what the main process asks of it, so the BUILT main
 * bundle (out/main/index.js) can run in plain Node — on the real core, the real better-sqlite3 (Node
 * build) and the real renderer files — without the Electron binary these machines cannot download.
 * Only what main uses is here; anything else it touched would throw, which a test would notice.
 */
import { EventEmitter } from 'node:events';

export interface FakeWindow {
  options: any;
  loadedUrl: string | null;
  webContents: { id: number; sent: Array<[string, unknown]>; mainFrame: { url: string; parent: null }; reloads: number } & Record<string, any>;
  emitter: EventEmitter;
  destroyed: boolean;
}

export function createFakeElectron(appDataDir: string, answers: { messageBox?: (options: any) => number } = {}) {
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const paths: Record<string, string> = { appData: appDataDir, documents: appDataDir, userData: `${appDataDir}/zaplecze` };
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, (event: any, ...args: unknown[]) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const messageBoxes: any[] = [];
  const privilegedSchemes: any[] = [];
  let nextId = 1;

  const makeSession = (name: string) => {
    const session = {
      name,
      permissionRequest: null as null | ((wc: any, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
      permissionCheck: null as null | ((wc: any, permission: string, origin: string) => boolean),
      beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
      setPermissionRequestHandler(handler: any) {
        session.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: any) {
        session.permissionCheck = handler;
      },
      setDevicePermissionHandler() {},
      webRequest: {
        onBeforeRequest(handler: any) {
          session.beforeRequest = handler;
        },
      },
      protocol: {
        handle(scheme: string, handler: (request: Request) => Promise<Response>) {
          calls.push(`${name}.protocol.handle:${scheme}`);
          protocolHandlers.set(scheme, handler);
        },
      },
    };
    return session;
  };
  const defaultSession = makeSession('defaultSession');
  const partitions = new Map<string, ReturnType<typeof makeSession>>();

  class BrowserWindow {
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    readonly record: FakeWindow;
    readonly webContents: FakeWindow['webContents'];
    constructor(options: any) {
      calls.push('new BrowserWindow');
      const emitter = new EventEmitter();
      const id = nextId++;
      const mainFrame = { url: 'app://zaplecze/index.html', parent: null };
      const webContents = {
        id,
        sent: [] as Array<[string, unknown]>,
        mainFrame,
        reloads: 0,
        send(channel: string, payload: unknown) {
          webContents.sent.push([channel, payload]);
        },
        isDestroyed: () => this.record.destroyed,
        reload() {
          webContents.reloads++;
        },
        getURL: () => this.record.loadedUrl ?? '',
      };
      this.webContents = webContents;
      this.record = { options, loadedUrl: null, webContents, emitter, destroyed: false };
      windows.push(this.record);
      appEvents.emit('web-contents-created', {}, { on() {}, setWindowOpenHandler() {} });
    }
    loadURL(url: string) {
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
    once(event: string, listener: () => void) {
      this.record.emitter.once(event, listener);
    }
    on(event: string, listener: () => void) {
      this.record.emitter.on(event, listener);
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
    destroy() {
      this.record.destroyed = true;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      getPath: (name: string) => {
        if (!(name in paths)) throw new Error(`fake electron: no path ${name}`);
        return paths[name]!;
      },
      setPath: (name: string, value: string) => {
        calls.push(`app.setPath:${name}`);
        paths[name] = value;
      },
      enableSandbox: () => calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), true),
      on: (event: string, listener: (...args: any[]) => void) => appEvents.on(event, listener),
      whenReady: () => readyPromise,
      quit: () => {
        calls.push('app.quit');
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        appEvents.emit('will-quit', event);
      },
      exit: (code: number) => calls.push(`app.exit:${code}`),
      getVersion: () => '0.0.0-test',
      getAppPath: () => process.cwd(),
      getPreferredSystemLanguages: () => ['pl-PL'],
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: any[]) => {
        calls.push('protocol.registerSchemesAsPrivileged');
        privilegedSchemes.push(...schemes);
      },
    },
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!partitions.has(name)) partitions.set(name, makeSession(name));
        return partitions.get(name)!;
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: (event: any, ...args: unknown[]) => Promise<unknown>) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, listener);
      },
    },
    dialog: {
      showMessageBox: async (options: any) => {
        messageBoxes.push(options);
        return { response: answers.messageBox ? answers.messageBox(options) : (options.buttons?.length ?? 1) - 1 };
      },
      showErrorBox: (title: string, content: string) => messageBoxes.push({ title, content }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: {
      openExternal: async (url: string) => void calls.push(`shell.openExternal:${url}`),
      openPath: async (path: string) => (calls.push(`shell.openPath:${path}`), ''),
    },
  };

  return { electron, calls, appEvents, ready, windows, ipcHandlers, protocolHandlers, messageBoxes, privilegedSchemes, defaultSession, partitions };
}
