import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { followMenuCommands, tellHostLanguage } from '../host/menu-commands';
import { useLocale } from '../i18n/useLocale';
import { useHost } from './services';

/**
 * Connects the desktop menu to the app: its commands open their screens, and it is relabelled
 * whenever the UI language changes. Renders nothing; in the browser both are no-ops.
 */
export function MenuCommands() {
  const host = useHost();
  const navigate = useNavigate();
  const { language } = useLocale();

  useEffect(() => followMenuCommands(host, (path) => void navigate(path)), [host, navigate]);
  useEffect(() => {
    void tellHostLanguage(host, language);
  }, [host, language]);

  return null;
}
