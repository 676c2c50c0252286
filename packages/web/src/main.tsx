import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadArea } from './app/areas';
import './styles/base.css';
import './styles/console.css';
import './styles/portal.css';

preloadArea(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
