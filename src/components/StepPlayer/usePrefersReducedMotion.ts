/**
 * Whether the reader has asked the system for reduced motion (`prefers-reduced-motion: reduce`).
 * Shared by the step-player and any widget that animates; it follows changes to the setting live.
 */
import {useSyncExternalStore} from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = mediaQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const readPreference = () => mediaQuery()?.matches ?? false;

// The server cannot know the reader's setting; hydration starts from "motion allowed" and React
// re-renders with the real value straight after, so server and client markup agree.
const serverPreference = () => false;

/**
 * @returns true while the reader prefers reduced motion; false on the server and where the browser
 *   cannot tell
 * @example const reducedMotion = usePrefersReducedMotion();
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, readPreference, serverPreference);
}

export default usePrefersReducedMotion;
