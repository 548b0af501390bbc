import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // index: the Electron shell; browser: the same core served on 127.0.0.1 for tests and preview;
        // customerRowWorker: the import's reading thread, started from beside them (customerRowReader.ts).
        input: {
          index: resolve('src/main/index.ts'),
          browser: resolve('src/main/browser.ts'),
          customerRowWorker: resolve('src/main/core/excelImport/customerRowWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [
      react(),
      // Dev only: React Fast Refresh injects an inline module script; the built page keeps script-src 'self'.
      {
        name: 'dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
      },
    ],
    build: {
      rolldownOptions: {
        input: { index: resolve('src/renderer/index.html') },
        output: {
          // The big libraries in chunks of their own (the screens load lazily, app/screens.tsx): AG Grid
          // and ECharts only when a screen that draws them is opened, React and antd once for all. The
          // priorities keep React out of the others' chunks, which would pull those into the first load.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
              { name: 'antd', test: /node_modules[\\/](antd|@rc-component|@ant-design)[\\/]/, priority: 30 },
              {
                name: 'ag-grid',
                test: /node_modules[\\/](ag-grid-community|ag-grid-react|ag-stack|@ag-grid-community)[\\/]/,
                priority: 20,
              },
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            ],
          },
        },
      },
      // electron-vite leaves the renderer unminified; minified, the window has a third as much to parse.
      minify: true,
      // tests/build/initialScript.test.ts holds the first load to its own budget.
      chunkSizeWarningLimit: 1500,
    },
  },
})
