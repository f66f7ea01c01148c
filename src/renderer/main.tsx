import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './App';
import './fonts';
import './styles.css';

window.addEventListener('error', (event) => {
  void api.writeLog({
    level: 'error',
    message: event.message || 'Uncaught error',
    context: { source: event.filename, line: event.lineno },
  });
});
window.addEventListener('unhandledrejection', (event) => {
  void api.writeLog({ level: 'error', message: `Unhandled rejection: ${String(event.reason)}` });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
