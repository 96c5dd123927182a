/**
 * The preload: one function per Api method, each forwarding to the main process over IPC.
 * Nothing else crosses the bridge — no ipcRenderer, no Node API.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi } from '../../shared/api/bridge';
import { ipcChannel } from '../../shared/api/bridge';
import { API_METHODS } from '../../shared/api/methods';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as BridgeApi; // built from the complete method list, checked in shared/api/methods.ts

contextBridge.exposeInMainWorld('juesuan', bridge);
