import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Workspace packages resolve to their TypeScript sources; the API server proxies in development.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@prevention/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
  build: { target: 'es2022', sourcemap: true },
});
