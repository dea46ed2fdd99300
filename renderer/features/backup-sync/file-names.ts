/** Names suggested for the files this area saves; dated so a folder of them sorts by day. */
import { localCalendarDate } from '../../../shared/dates';

export const KENAL_FILE_FILTERS = [{ name: 'Kenal', extensions: ['json'] }];

/** An encrypted backup is named apart, so it is never mistaken for (or saved over) a plain one. */
export const backupFileName = (at: Date, safety = false, encrypted = false) =>
  `kenal-${safety ? 'safety-backup' : 'backup'}${encrypted ? '-encrypted' : ''}-${localCalendarDate(at)}.json`;

export const syncFileName = (at: Date, deviceId: string) =>
  `kenal-sync-${deviceId.slice(0, 6).toLowerCase()}-${localCalendarDate(at)}.json`;

export const APP_NAME = `kenal@${__APP_VERSION__}`;
