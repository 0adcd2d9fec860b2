import {useEffect, useState} from 'react';
import {browserStorage} from '@site/src/live/storage';
import type {ConnectionState} from './connectionNotice';

/** How long passing news ("back online", "saved for offline use") stays on screen. */
const NEWS_MILLISECONDS = 6000;
/** Set once the site has told this browser that it is saved, so that the news is given only once. */
const SAVED_KEY = 'skype-notebook:saved-for-offline';

function rememberSaved(): boolean {
  const storage = browserStorage();
  // Without storage the news would repeat on every page, so it is not given.
  if (storage === null) return false;
  try {
    if (storage.getItem(SAVED_KEY) !== null) return false;
    storage.setItem(SAVED_KEY, new Date().toISOString());
    return true;
  } catch {
    return false;
  }
}

/** The browser's connection and service-worker state, as the indicator needs it; all false-safe before hydration. */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>({online: true, savedCopy: false, justSaved: false, justReconnected: false});

  useEffect(() => {
    const timers: number[] = [];
    const news = (field: 'justSaved' | 'justReconnected') => {
      setState((previous) => ({...previous, [field]: true}));
      timers.push(window.setTimeout(() => setState((previous) => ({...previous, [field]: false})), NEWS_MILLISECONDS));
    };
    const goneOffline = () => setState((previous) => ({...previous, online: false, justReconnected: false}));
    const backOnline = () => {
      setState((previous) => ({...previous, online: true}));
      news('justReconnected');
    };
    setState((previous) => ({...previous, online: navigator.onLine, savedCopy: Boolean(navigator.serviceWorker?.controller)}));
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    let active = true;
    // `ready` settles once a service worker is active, that is once its precache is complete.
    void navigator.serviceWorker?.ready.then(() => {
      if (!active) return;
      setState((previous) => ({...previous, savedCopy: true}));
      if (rememberSaved()) news('justSaved');
    });
    return () => {
      active = false;
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      timers.forEach((timer) => window.clearTimeout(timer));
    };
  }, []);

  return state;
}
