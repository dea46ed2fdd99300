import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isQuotaError } from './storage';

/**
 * Last line of defence: an error nobody handled becomes a message the user understands, never
 * a raw exception or a silently broken screen. Every write is one transaction, so a failed
 * write has changed nothing; the message says so.
 */
export function GlobalErrors() {
  const { t } = useTranslation();
  useEffect(() => {
    const show = (error: unknown) => {
      const quota = isQuotaError(error);
      notifications.show({
        id: quota ? 'quota' : undefined,
        color: 'red',
        autoClose: quota ? false : 10_000,
        title: t(quota ? 'errors.quotaTitle' : 'errors.unexpectedTitle'),
        message: t(quota ? 'errors.quotaBody' : 'errors.unexpectedBody', {
          detail: error instanceof Error ? error.message : String(error),
        }),
      });
    };
    const onRejection = (e: PromiseRejectionEvent) => show(e.reason);
    const onError = (e: ErrorEvent) => show(e.error ?? e.message);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [t]);
  return null;
}
