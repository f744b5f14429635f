import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { captureBudget } from './vite-plugins/capture-budget.js';
import { precompress } from './vite-plugins/precompress.js';

// Workspace packages resolve to their TypeScript sources; the API server proxies in development.
export default defineConfig({
  plugins: [
    react(),
    // An installable app whose shell and code are precached by a Workbox service worker, so a
    // field officer can open it with no connection. main.tsx registers it (no inline script:
    // the server's CSP forbids one) and offers a reload when a new version is waiting.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Integrated Prevention Platform',
        short_name: 'Prevention',
        description:
          'One joint assessment, one cross-pillar risk picture and one prevention plan per country.',
        start_url: '/capture',
        scope: '/',
        display: 'standalone',
        background_color: '#f3f5f8',
        theme_color: '#0b5394',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Every page of the app is index.html; the API, the downloads under /api/ and the health
        // checks are never answered from the cache.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/trpc/, /^\/api\//, /^\/healthz/, /^\/readyz/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
    }),
    captureBudget({ captureModule: 'src/capture/CaptureRoutes.tsx', budgetBytes: 150 * 1024 }),
    precompress(),
  ],
  resolve: { conditions: ['@prevention/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Code that several pages share goes in one chunk rather than twenty small ones: on a
        // slow link each request costs a round trip, and small files compress badly.
        // The pillars' catalogues, which the Data and risk pages share and the capture route
        // does not need, are a chunk of their own rather than part of the shared one. The
        // choropleth that the world map and a country's sub-national map share stays out of it
        // too (the capture route would load it), in a chunk the two maps' chunks share; so do
        // the chart scales and the form parts the alert pages share with the risk and plan pages.
        codeSplitting: {
          groups: [
            {
              name: 'pillars',
              test: /packages\/(peace-security|development|human-rights)\//,
              minShareCount: 2,
            },
            {
              name: 'shared',
              test: /apps\/web\/src\/(?!risk\/(ChoroplethMap|trend-scale)\.|plans\/(SaveMessage|CheckboxGroup)\.)|packages\//,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
});
