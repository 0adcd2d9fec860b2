import {useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluralForm} from '@docusaurus/theme-common';
import {
  PROGRESS_FILE_MAX_CHARACTERS,
  forgetProgress,
  importProgress,
  progressFileName,
  readProgress,
  serialiseProgress,
  type Progress,
} from '@site/src/live/progress';
import {downloadFile} from '@site/src/components/lab/downloadFile';
import {importProblemMessage, importReportMessage} from './messages';
import styles from './styles.module.css';

type Message = {kind: 'status' | 'alert'; text: string};

/**
 * Export to a file, import from one, and forget everything (after a confirmation). A file that
 * cannot be imported changes nothing and says what is wrong and where, in an alert.
 */
export default function Transfer({progress, onChange}: {progress: Progress | null; onChange(): void}): ReactNode {
  const {selectMessage} = usePluralForm();
  const fileInputId = useId();
  const confirmTextId = useId();
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const forgetButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when the confirmation opens or closes, so that keyboard users are not left on nothing.
  const focusAfterRender = useRef<'keep' | 'forget' | null>(null);

  useEffect(() => {
    const target = focusAfterRender.current === 'keep' ? keepButton.current : focusAfterRender.current === 'forget' ? forgetButton.current : null;
    focusAfterRender.current = null;
    target?.focus();
  }, [confirming]);

  const counts = (exercises: number, quizzes: number) => ({
    exercises: selectMessage(exercises, translate({id: 'notebook.progress.count.exercises', message: '{count} exercise result|{count} exercise results'}, {count: exercises})),
    quizzes: selectMessage(quizzes, translate({id: 'notebook.progress.count.quizzes', message: '{count} quiz score|{count} quiz scores'}, {count: quizzes})),
  });

  const exportFile = () => {
    const now = new Date();
    const current = readProgress();
    const name = progressFileName(now);
    downloadFile(serialiseProgress(current, now), name, 'application/json');
    setMessage({
      kind: 'status',
      text: translate(
        {id: 'notebook.progress.exported', message: 'Saved {file} ({exercises}, {quizzes}) to your downloads.'},
        {file: name, ...counts(Object.keys(current.exercises).length, Object.keys(current.quizzes).length)},
      ),
    });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    const refuse = (text: string) =>
      setMessage({kind: 'alert', text: translate({id: 'notebook.progress.importRefused', message: '{file}: {problem} Nothing was changed.'}, {file: file.name, problem: text})});
    // A UTF-8 file has at least a third as many characters as bytes: far larger files are refused unread.
    if (file.size > 3 * PROGRESS_FILE_MAX_CHARACTERS) {
      refuse(importProblemMessage({kind: 'tooBig', characters: file.size, limit: PROGRESS_FILE_MAX_CHARACTERS}));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(translate({id: 'notebook.progress.unreadable', message: 'The browser could not read the file.'}));
      return;
    }
    const result = importProgress(text);
    if (!result.ok) {
      refuse(importProblemMessage(result.problem));
      return;
    }
    onChange();
    setMessage({kind: 'status', text: translate({id: 'notebook.progress.imported', message: '{file}: {report}'}, {file: file.name, report: importReportMessage(result.report, selectMessage)})});
  };

  const forget = () => {
    focusAfterRender.current = 'forget';
    setConfirming(false);
    if (!forgetProgress()) {
      setMessage({kind: 'alert', text: translate({id: 'notebook.progress.forgetFailed', message: 'Your browser did not let this page remove the progress (storage is turned off).'})});
      return;
    }
    onChange();
    setMessage({kind: 'status', text: translate({id: 'notebook.progress.forgotten', message: 'Your progress in this browser is forgotten.'})});
  };

  const cancel = () => {
    focusAfterRender.current = 'forget';
    setConfirming(false);
  };

  const total = progress ? Object.keys(progress.exercises).length + Object.keys(progress.quizzes).length : 0;

  return (
    <div className={styles.transfer}>
      <div className={styles.transferRow}>
        <button type="button" className="button button--primary" onClick={exportFile} data-action="export">
          <Translate id="notebook.progress.export">Export to a file</Translate>
        </button>
        <span className={styles.importField}>
          <label htmlFor={fileInputId} className={styles.importLabel}>
            <Translate id="notebook.progress.import">Import from a file</Translate>
          </label>
          <input id={fileInputId} type="file" accept=".json,application/json" onChange={importFile} data-action="import" />
        </span>
      </div>
      <div className={styles.transferRow}>
        {confirming ? (
          <div
            role="group"
            aria-labelledby={confirmTextId}
            className={styles.confirm}
            onKeyDown={(event) => {
              if (event.key === 'Escape') cancel();
            }}>
            <p id={confirmTextId} className={styles.confirmText}>
              <Translate id="notebook.progress.confirmForget" values={{count: total}}>
                {
                  'Forget every exercise result and quiz score kept in this browser ({count} in all)? This cannot be undone: export first to keep a copy. Your code edits and quiz answers stay.'
                }
              </Translate>
            </p>
            <div className={styles.transferRow}>
              <button type="button" className={`button ${styles.dangerButton}`} onClick={forget} data-action="forget-confirm">
                <Translate id="notebook.progress.forgetConfirm">Yes, forget everything</Translate>
              </button>
              <button ref={keepButton} type="button" className="button button--secondary" onClick={cancel} data-action="forget-cancel">
                <Translate id="notebook.progress.forgetCancel">Keep my progress</Translate>
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={forgetButton}
            type="button"
            className="button button--secondary"
            onClick={() => {
              focusAfterRender.current = 'keep';
              setConfirming(true);
            }}
            data-action="forget">
            <Translate id="notebook.progress.forget">Forget all progress…</Translate>
          </button>
        )}
      </div>
      <div role="status" className={styles.message} data-output="transfer-status">
        {message?.kind === 'status' && message.text}
      </div>
      {message?.kind === 'alert' && (
        <p role="alert" className={styles.alert} data-output="transfer-alert">
          {message.text}
        </p>
      )}
    </div>
  );
}
