import { contextBridge, ipcRenderer } from 'electron'
import type { KqBridge } from '../shared/bridge'

// Only these functions cross into the page: handing over ipcRenderer would let any
// script in it send on any channel. The channel names are repeated here, not imported,
// because the sandboxed preload may load nothing but 'electron'.
const bridge: KqBridge = {
  invoke: (channel, input, token) => ipcRenderer.invoke('kq:invoke', channel, input, token ?? null),
  platform: (channel, input) => ipcRenderer.invoke('kq:platform', channel, input),
}

contextBridge.exposeInMainWorld('kqBridge', bridge)
