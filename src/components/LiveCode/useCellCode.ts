import {useCallback, useEffect, useRef, useState, type RefObject} from 'react';
import {useLocation} from '@docusaurus/router';
import {clearEdit, loadEdit, saveEdit} from '@site/src/live/storage';

/** Edits are kept after the reader pauses typing for this long. */
const SAVE_DELAY_MILLISECONDS = 400;

export interface CellCode {
  code: string;
  /** The code differs from the lesson's. */
  edited: boolean;
  /** The kept edit was made on an earlier version of the lesson's code. */
  stale: boolean;
  /** The code came from a share link and has not run yet. */
  sharedNotRun: boolean;
  /** Why edits cannot be kept or loaded, if so; the code stays in the editor regardless. */
  storageProblem: string | null;
  /** Why a share link for this cell could not be read. */
  shareProblem: string | null;
  pagePath: string;
  /** A change the reader typed: kept after a pause. */
  edit(code: string): void;
  /** Puts other code in the editor (a solution, a restored version) and keeps it at once. */
  replace(code: string): void;
  /** Back to the lesson's code; the kept edit is removed. */
  reset(): void;
  /** Keeps the reader's edit of an earlier lesson version, now counted against the current one. */
  keepMine(): void;
  markRun(): void;
}

/**
 * A cell's code and where it comes from: the lesson, the reader's kept edit (localStorage, per page
 * and cell), or a share link in the URL. Saving never loses text: a failed save leaves the code in
 * the editor and says why.
 */
export function useCellCode(cellId: string, original: string, root: RefObject<HTMLElement | null>): CellCode {
  const pagePath = useLocation().pathname;
  const [code, setCode] = useState(original);
  const [stale, setStale] = useState(false);
  const [sharedNotRun, setSharedNotRun] = useState(false);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [shareProblem, setShareProblem] = useState<string | null>(null);
  const pendingSave = useRef<{code: string; timer: number} | null>(null);

  const save = useCallback(
    (next: string) => {
      const {problem} = saveEdit(pagePath, cellId, original, next);
      setStorageProblem(problem ?? null);
    },
    [pagePath, cellId, original],
  );

  const cancelPendingSave = () => {
    if (pendingSave.current) window.clearTimeout(pendingSave.current.timer);
    pendingSave.current = null;
  };

  const flushPendingSave = useCallback(() => {
    const pending = pendingSave.current;
    if (!pending) return;
    window.clearTimeout(pending.timer);
    pendingSave.current = null;
    save(pending.code);
  }, [save]);

  // A pause, leaving the page, or closing the tab all keep what was typed.
  useEffect(() => {
    window.addEventListener('pagehide', flushPendingSave);
    return () => {
      window.removeEventListener('pagehide', flushPendingSave);
      flushPendingSave();
    };
  }, [flushPendingSave]);

  useEffect(() => {
    const {edit, problem} = loadEdit(pagePath, cellId, original);
    setStorageProblem(problem ?? null);
    setCode(edit?.code ?? original);
    setStale(edit?.status === 'stale');
    setSharedNotRun(false);
    setShareProblem(null);

    const hash = window.location.hash;
    if (hash.length <= 1) return undefined;
    let cancelled = false;
    // Only pages opened from a link pay for reading one (lz-string).
    void import('@site/src/live/share').then(({readShareHash}) => {
      const shared = readShareHash(hash);
      if (cancelled || !shared) return;
      if ('problem' in shared) {
        if (shared.cellId === cellId) setShareProblem(shared.problem);
        return;
      }
      if (shared.cellId !== cellId) return;
      // The shared code is shown, not run, and not kept until the reader edits it.
      setCode(shared.code);
      setStale(false);
      setSharedNotRun(true);
      const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      root.current?.scrollIntoView({block: 'start', behavior: reducedMotion ? 'auto' : 'smooth'});
    });
    return () => {
      cancelled = true;
    };
  }, [pagePath, cellId, original, root]);

  return {
    code,
    edited: code !== original,
    stale,
    sharedNotRun,
    storageProblem,
    shareProblem,
    pagePath,
    edit(next) {
      setCode(next);
      cancelPendingSave();
      pendingSave.current = {code: next, timer: window.setTimeout(flushPendingSave, SAVE_DELAY_MILLISECONDS)};
    },
    replace(next) {
      cancelPendingSave();
      setCode(next);
      setSharedNotRun(false);
      save(next);
    },
    reset() {
      cancelPendingSave();
      clearEdit(pagePath, cellId);
      setCode(original);
      setStale(false);
      setSharedNotRun(false);
      setStorageProblem(null);
    },
    keepMine() {
      cancelPendingSave();
      save(code);
      setStale(false);
    },
    markRun() {
      setSharedNotRun(false);
    },
  };
}
