import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// `npm run dev` talks to a simulator (or NINA) started separately; the LAN server
// (`npm start`) is what serves the built app in normal use.
const devNinaUrl = process.env.NINA_URL ?? 'http://127.0.0.1:1888';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      // An external registerSW.js, not an inline script: the server's CSP allows no inline script.
      injectRegister: 'script',
      includeAssets: ['favicon.svg', 'theme-init.js', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Skydeck',
        short_name: 'Skydeck',
        description: 'Run your N.I.N.A. observatory from a phone, tablet or laptop.',
        theme_color: '#0b0f17',
        background_color: '#0b0f17',
        display: 'standalone',
        orientation: 'any',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only. NINA's replies and images are live data and are never cached.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/v2(\/|$)/, /^\/skydeck\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/v2': { target: devNinaUrl, ws: true, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // Each view's lazy chunk is named after its feature folder, so bundle reports say which view grew.
        chunkFileNames: (chunk) => {
          const feature = chunk.facadeModuleId?.match(/features\/([^/]+)\/route\.tsx$/)?.[1];
          return feature ? `assets/view-${feature}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
