import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { openRepositories } from './db';
import { requestPersistentStorage } from './app/storage';
import { createHost } from './host';
import { initI18n, initialLanguage } from './i18n';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  // The database opens while the translations load: neither waits for the other.
  const opening = openRepositories();
  opening.catch(() => undefined); // handled below, after the translations are ready
  const i18n = await initI18n(initialLanguage(safeStorage(), navigator.languages));
  try {
    const repos = await opening;
    void requestPersistentStorage();
    root.render(<App i18n={i18n} repos={repos} host={createHost()} />);
  } catch (error) {
    root.render(<StartupError i18n={i18n} error={error} />);
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

void start();
