import { RouterProvider } from '@tanstack/react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { router } from './app/router.js';
import { i18n, initI18n } from './i18n/i18n.js';
import './styles.css';
import { createApiClient, createQueryClient, TRPCProvider } from './trpc/trpc.js';

const queryClient = createQueryClient();
const trpcClient = createApiClient();

await initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
