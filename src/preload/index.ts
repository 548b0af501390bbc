import { contextBridge, ipcRenderer } from 'electron'
import type { KqBridge } from '../shared/bridge'

// Only this function crosses into the page: handing over ipcRenderer would let any
// script in it send on any channel. The channel name is repeated here, not imported,
// because the sandboxed preload may load nothing but 'electron'.
const bridge: KqBridge = {
  invoke: (channel, input) => ipcRenderer.invoke('kq:invoke', channel, input),
}

contextBridge.exposeInMainWorld('kqBridge', bridge)
