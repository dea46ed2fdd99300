/** The offline web app (update prompt) and the phone layout. */
export const anywhere = {
  close: 'Close',
  update: {
    title: 'A new version of Kenal is available',
    body: 'Finish what you are typing, then reload to use it. Nothing changes until you do.',
    reload: 'Reload',
    later: 'Later',
    elsewhereTitle: 'Kenal was updated in another window',
    elsewhereBody:
      'Finish what you are typing here, then reload this window too. Until then it may not open every screen.',
    offlineReady: 'Kenal now works without a network in this browser.',
  },
  phone: {
    bottomBar: 'Quick navigation',
    sales: 'Sales',
    more: 'More',
    openMenu: 'Open the menu',
    menuTitle: 'Menu',
    syncFiles: 'Sync by file',
    syncFilesHelp:
      'A phone has no sync folder: share or download a sync file, and open the one another device sent you.',
  },
};
