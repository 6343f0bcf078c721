import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.TACK_API_ORIGIN ?? 'http://127.0.0.1:8080';
// The server (better-auth) only accepts POSTs whose Origin is its own: present the API's origin.
const toApi: ProxyOptions = {
  target: api,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (req) => {
      if (req.getHeader('origin')) req.setHeader('origin', api);
    });
  },
};
const proxy = { '/api': toApi, '/healthz': toApi };

// Vendor libraries in their own chunks: they change less often than the app (better caching), and the chart
// library with its dependencies (d3, redux) is only fetched by the pages that draw charts (they are lazy routes).
const nm = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);
const vendorChunks = [
  { name: 'react', test: nm('react|react-dom|scheduler'), priority: 40 },
  { name: 'router', test: nm('react-router|cookie|set-cookie-parser'), priority: 30 },
  {
    name: 'charts',
    test: nm(
      'recharts|victory-vendor|d3-[^\\\\/]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|' +
        'es-toolkit|decimal\\.js-light|eventemitter3|clsx|tiny-invariant|use-sync-external-store|react-is',
    ),
    priority: 20,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

// The web app is a static SPA: the server serves apps/web/dist and falls back to index.html.
// In development, Vite serves the app on :5173 and forwards the API to the running server.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
});
