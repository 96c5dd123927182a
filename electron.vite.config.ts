import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Same layout as electron-vite's template, with our folder names: main and preload from electron/,
// the renderer from renderer/. Output goes to out/{main,preload,renderer}; the web host serves
// out/renderer too, so the browser and the window run the very same build.
export default defineConfig({
  main: {
    build: {
      // The workbook reader runs in a worker thread (electron/services/excel/readWorkbook.ts): its own entry.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), workbookWorker: resolve('electron/services/excel/workbookWorker.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: emit CommonJS.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
