import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { KqBridge } from '../shared/bridge'
import type { LiveChange } from '../shared/liveTopics'

// Only these functions cross into the page: handing over ipcRenderer would let any
// script in it send on any channel. The channel names are repeated here, not imported,
// because the sandboxed preload may load nothing but 'electron'.
const bridge: KqBridge = {
  invoke: (channel, input, token) => ipcRenderer.invoke('kq:invoke', channel, input, token ?? null),
  platform: (channel, input) => ipcRenderer.invoke('kq:platform', channel, input),
  // Only the change reaches the page, never the IPC event (its sender would hand over ipcRenderer).
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, change: LiveChange) => listener(change)
    ipcRenderer.on('kq:live', forward)
    return () => void ipcRenderer.removeListener('kq:live', forward)
  },
}

contextBridge.exposeInMainWorld('kqBridge', bridge)
