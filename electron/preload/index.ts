/**
 * The sandboxed preload: exposes exactly one function per contract channel and an event subscription,
 * nothing else (no ipcRenderer, no Node). It imports only `electron` and the channel list.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS, type EventName } from '../../shared/contract/channels';

const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
  // Strip Electron's event object: the page gets the payload only.
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(`event:${event}`, handler);
  return () => {
    ipcRenderer.removeListener(`event:${event}`, handler);
  };
}

contextBridge.exposeInMainWorld('zaplecze', { api, on });
