import type {ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {connectionNotice, type ConnectionNotice} from './connectionNotice';
import {useConnectionState} from './useConnectionState';
import styles from './styles.module.css';

function noticeText(notice: Exclude<ConnectionNotice, 'none'>): string {
  switch (notice) {
    case 'offline-saved':
      return translate({
        id: 'notebook.connection.offlineSaved',
        message: 'You are offline. The whole notebook still works, the code editor and runner included: it was saved on this device.',
      });
    case 'offline-unsaved':
      return translate({
        id: 'notebook.connection.offlineUnsaved',
        message: 'You are offline, and the notebook has not been saved on this device yet: pages you have not opened may not load.',
      });
    case 'back-online':
      return translate({id: 'notebook.connection.backOnline', message: 'You are back online.'});
    case 'saved-for-offline':
      return translate({
        id: 'notebook.connection.saved',
        message: 'The notebook is now saved on this device: it will work without a network.',
      });
  }
}

/**
 * A small banner for the state of the connection: offline (with or without a saved copy), back online,
 * or saved for offline use. It is always in the page as a polite live region, so screen readers hear changes.
 */
export default function OfflineIndicator(): ReactNode {
  const notice = connectionNotice(useConnectionState());
  return (
    <div
      role="status"
      data-offline-indicator=""
      data-notice={notice}
      // Kept in the page while empty (hidden, not removed) so that the live region exists before anything is announced.
      className={notice === 'none' ? 'visually-hidden' : clsx(styles.indicator, notice.startsWith('offline') && styles.offline)}>
      {notice === 'none' ? null : noticeText(notice)}
    </div>
  );
}
