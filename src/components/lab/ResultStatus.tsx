import {useEffect, useRef, useState, type ReactNode} from 'react';

/** How long a summary must hold before it is read: a value typed key by key is then read once, at the end. */
export const RESULT_STATUS_DELAY_MS = 300;

export interface ResultStatusProps {
  /** What the widget shows now, in a sentence or two (translated): the result, not the steps to it. */
  summary: string;
}

/**
 * A widget's result in words for screen readers, which do not see a table or a picture change: a
 * visually hidden role="status". It is in the page from the first render (a live region must exist
 * before its words change to be read) and empty until the summary first differs from the one the page
 * loaded with, so that nothing is read on load. An empty summary at load means the result is still on
 * its way (a worker's answer): the first one to arrive counts as the one loaded with.
 */
export default function ResultStatus({summary}: ResultStatusProps): ReactNode {
  const loadedWith = useRef<string | null>(summary);
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if (loadedWith.current === '') loadedWith.current = summary;
    if (summary === loadedWith.current) return undefined;
    loadedWith.current = null;
    const timer = window.setTimeout(() => setSpoken(summary), RESULT_STATUS_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [summary]);
  return (
    <p role="status" className="visually-hidden" data-status="result">
      {spoken}
    </p>
  );
}
