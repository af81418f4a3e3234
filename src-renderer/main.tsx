// Entry: the API client reads its token, i18next starts in nb (or the saved
// choice), AG Grid registers its modules, and the app mounts.
import './styles/app.css';
import './grid/agGrid';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { queryClient } from './api/queries';
import { App } from './app/App';
import { i18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
