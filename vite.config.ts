import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` talks to a simulator (or NINA) started separately; the LAN server
// (`npm start`) is what serves the built app in normal use.
const devNinaUrl = process.env.NINA_URL ?? 'http://127.0.0.1:1888';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/v2': { target: devNinaUrl, ws: true, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
