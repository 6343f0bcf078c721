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

// The web app is a static SPA: the server serves apps/web/dist and falls back to index.html.
// In development, Vite serves the app on :5173 and forwards the API to the running server.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
});
