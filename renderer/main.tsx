import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openDb } from './db';
import { detectPlatform } from './platform';
import { plainMessage } from './ui/errors';
import { createPipeline } from './worker/pipeline';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

openDb().then(
  (db) =>
    root.render(
      <StrictMode>
        <App platform={detectPlatform(window)} db={db} pipeline={createPipeline()} />
      </StrictMode>,
    ),
  (error: unknown) => {
    // Storage refused to open (private mode, a blocked upgrade, a full disk): say so instead of a blank page.
    container.textContent = `Crosswalk could not open its local storage: ${plainMessage(error)}`;
  },
);
