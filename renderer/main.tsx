import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectPlatform } from './platform';
import { openDbWatched } from './storage/open';
import { storageMessage } from './storage/failures';
import { plainMessage } from './ui/errors';
import { createPipeline } from './worker/pipeline';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

// While another window holds an older version of the database open, the upgrade waits: say so.
openDbWatched((problem) => {
  container.textContent = problem.message;
}).then(
  (db) =>
    root.render(
      <StrictMode>
        <App platform={detectPlatform(window)} db={db} pipeline={createPipeline()} />
      </StrictMode>,
    ),
  (error: unknown) => {
    // Storage refused to open (private mode, a blocked upgrade, a full disk): say so instead of a blank page.
    container.textContent = `Crosswalk could not open its local storage: ${storageMessage(error) ?? plainMessage(error)}`;
  },
);
