import { onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/AppShell.js';
import { registerServiceWorker } from './app/service-worker.js';
import { initI18n } from './i18n/i18n.js';
import { loadCachedSession } from './offline/session-cache.js';
import './styles.css';
import { createApiClient, createQueryClient, TRPCProvider } from './trpc/trpc.js';

// TanStack Query assumes a connection until the browser says it lost one; a page opened offline
// must know from the start, so that its queries wait instead of failing.
onlineManager.setOnline(navigator.onLine);

const queryClient = createQueryClient();
const trpcClient = createApiClient();

await Promise.all([initI18n(), loadCachedSession()]);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AppShell />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
