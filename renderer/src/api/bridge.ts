import type { BridgeApi } from '../../../shared/api/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron window (the preload); absent in browser mode. */
    juesuan?: BridgeApi;
  }
}
