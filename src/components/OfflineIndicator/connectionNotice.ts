/**
 * Which notice the connection indicator shows, from what the browser reports: online or not, whether a
 * service worker serves this page from its saved copy, and what just happened.
 */
export type ConnectionNotice = 'none' | 'offline-saved' | 'offline-unsaved' | 'back-online' | 'saved-for-offline';

export interface ConnectionState {
  online: boolean;
  /** A service worker controls the page, so every precached page and chunk opens without a network. */
  savedCopy: boolean;
  /** The site has just been saved for offline use for the first time on this device. */
  justSaved: boolean;
  /** The network has just come back after being lost. */
  justReconnected: boolean;
}

export function connectionNotice({online, savedCopy, justSaved, justReconnected}: ConnectionState): ConnectionNotice {
  if (!online) return savedCopy ? 'offline-saved' : 'offline-unsaved';
  if (justReconnected) return 'back-online';
  return justSaved ? 'saved-for-offline' : 'none';
}
