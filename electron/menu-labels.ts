/**
 * Labels of the native menu and the About box, in the renderer's two UI languages. They live in
 * the main process (which has no i18next); the renderer only says which language it shows.
 */
export type MenuLanguage = 'en' | 'id';

export interface MenuLabels {
  file: string;
  backup: string;
  restore: string;
  importContacts: string;
  exportContacts: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  devTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  window: string;
  minimize: string;
  help: string;
  about: string;
  openDataFolder: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quitApp: string;
  /** The About box's detail line; {version} is replaced. */
  version: string;
  ok: string;
}

export const MENU_LABELS: Record<MenuLanguage, MenuLabels> = {
  en: {
    file: 'File',
    backup: 'Backup…',
    restore: 'Restore…',
    importContacts: 'Import contacts…',
    exportContacts: 'Export contacts…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    about: 'About Kenal',
    openDataFolder: 'Open data folder',
    hide: 'Hide Kenal',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quitApp: 'Quit Kenal',
    version: 'Version {version}',
    ok: 'OK',
  },
  id: {
    file: 'Berkas',
    backup: 'Cadangkan…',
    restore: 'Pulihkan…',
    importContacts: 'Impor kontak…',
    exportContacts: 'Ekspor kontak…',
    quit: 'Keluar',
    edit: 'Edit',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih Semua',
    view: 'Tampilan',
    reload: 'Muat Ulang',
    devTools: 'Alat Pengembang',
    resetZoom: 'Ukuran Sebenarnya',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    fullScreen: 'Layar Penuh',
    window: 'Jendela',
    minimize: 'Kecilkan',
    help: 'Bantuan',
    about: 'Tentang Kenal',
    openDataFolder: 'Buka folder data',
    hide: 'Sembunyikan Kenal',
    hideOthers: 'Sembunyikan Lainnya',
    showAll: 'Tampilkan Semua',
    quitApp: 'Keluar dari Kenal',
    version: 'Versi {version}',
    ok: 'OK',
  },
};

/** The menu language before the renderer says: Indonesian for an Indonesian system locale. */
export function menuLanguageForLocale(locale: string): MenuLanguage {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === 'id' || base === 'in' ? 'id' : 'en';
}
