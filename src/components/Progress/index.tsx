import {useCallback, useEffect, useMemo, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import {usePluralForm} from '@docusaurus/theme-common';
import Heading from '@theme/Heading';
import type {LearningCatalogue} from '@site/plugins/learning-catalogue';
import {PROGRESS_STORAGE_KEY, emptyProgress, readProgress, type Progress} from '@site/src/live/progress';
import {summariseProgress, type SummaryItem, type UnknownEntry} from './summary';
import Transfer from './Transfer';
import styles from './styles.module.css';

/** The name plugins/learning-catalogue.ts gives its global data (a type-only import keeps the Node plugin out of the page). */
const CATALOGUE_PLUGIN = 'learning-catalogue';

function ExerciseStatusText({status}: {status: SummaryItem & {kind: 'exercise'}}): ReactNode {
  switch (status.status) {
    case 'passed':
      return (
        <span className={clsx(styles.status, styles.done)} data-status="passed">
          <span aria-hidden="true">✓ </span>
          <Translate id="notebook.progress.status.passed">Passed</Translate>
        </span>
      );
    case 'attempted':
      return (
        <span className={clsx(styles.status, styles.tried)} data-status="attempted">
          <span aria-hidden="true">◐ </span>
          <Translate id="notebook.progress.status.attempted">Tried, not passed yet</Translate>
        </span>
      );
    case 'new':
      return (
        <span className={styles.status} data-status="new">
          <Translate id="notebook.progress.status.new">Not started</Translate>
        </span>
      );
  }
}

function QuizStatusText({quiz}: {quiz: SummaryItem & {kind: 'quiz'}}): ReactNode {
  if (!quiz.best) {
    return (
      <span className={styles.status} data-status="new">
        <Translate id="notebook.progress.status.quizNew" values={{questions: quiz.questions}}>
          {'Not started ({questions} questions)'}
        </Translate>
      </span>
    );
  }
  return (
    <span className={clsx(styles.status, styles.done)} data-status="done" data-score={`${quiz.best.right}/${quiz.best.total}`}>
      <span aria-hidden="true">✓ </span>
      <Translate id="notebook.progress.status.quizDone" values={{right: quiz.best.right, total: quiz.best.total}}>
        {'Done: best score {right} of {total}'}
      </Translate>
    </span>
  );
}

function ItemRow({item, loaded}: {item: SummaryItem; loaded: boolean}): ReactNode {
  const kind =
    item.kind === 'exercise'
      ? translate({id: 'notebook.progress.kind.exercise', message: 'Exercise'})
      : translate({id: 'notebook.progress.kind.quiz', message: 'Quiz'});
  return (
    <li className={styles.item} data-item={item.kind} data-key={item.href}>
      <span className={styles.kind}>{kind}</span>
      {/* Quizzes register their id as a link target; exercises do not (yet), so those links are not checked by the build. */}
      <Link to={item.href} className={styles.itemLink}>
        {item.title}
      </Link>
      {loaded && (item.kind === 'exercise' ? <ExerciseStatusText status={item} /> : <QuizStatusText quiz={item} />)}
    </li>
  );
}

function UnknownRow({unknown}: {unknown: UnknownEntry}): ReactNode {
  const status =
    unknown.kind === 'exercise'
      ? unknown.entry.status === 'passed'
        ? translate({id: 'notebook.progress.unknown.passed', message: 'exercise, passed'})
        : translate({id: 'notebook.progress.unknown.attempted', message: 'exercise, tried'})
      : translate({id: 'notebook.progress.unknown.quiz', message: 'quiz, best score {right} of {total}'}, {right: unknown.entry.right, total: unknown.entry.total});
  return (
    <li className={styles.item} data-item={`unknown-${unknown.kind}`} data-key={unknown.key}>
      <code className={styles.unknownKey}>{unknown.key}</code>
      <span className={styles.status}>{status}</span>
    </li>
  );
}

/**
 * The reader's progress: per chapter, each exercise and quiz with its status and a link to it,
 * totals, export, import and forget. The list of exercises and quizzes comes from the build
 * (plugins/learning-catalogue.ts); the progress from this browser, read once the page is here.
 */
export default function ProgressView(): ReactNode {
  const catalogue = usePluginData(CATALOGUE_PLUGIN, undefined, {failfast: true}) as LearningCatalogue;
  const {selectMessage} = usePluralForm();
  const [progress, setProgress] = useState<Progress | null>(null);
  const refresh = useCallback(() => setProgress(readProgress()), []);

  useEffect(() => {
    refresh();
    // Another tab of the notebook may pass an exercise while this page is open.
    const onStorage = (event: StorageEvent) => {
      if (event.key === PROGRESS_STORAGE_KEY || event.key === null) refresh();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [refresh]);

  const summary = useMemo(() => summariseProgress(catalogue, progress ?? emptyProgress()), [catalogue, progress]);
  const {totals} = summary;
  const exercisesText = selectMessage(
    totals.exercises,
    translate(
      {id: 'notebook.progress.totals.exercises', message: '{passed} of {total} exercise passed|{passed} of {total} exercises passed'},
      {passed: totals.exercisesPassed, total: totals.exercises},
    ),
  );
  const quizzesText = selectMessage(
    totals.quizzes,
    translate({id: 'notebook.progress.totals.quizzes', message: '{done} of {total} quiz done|{done} of {total} quizzes done'}, {done: totals.quizzesDone, total: totals.quizzes}),
  );

  return (
    <div className={styles.progress} data-widget="progress">
      <p className={styles.intro}>
        <Translate id="notebook.progress.intro">
          Your progress is kept in this browser only, on this device. Export it to a file to keep a copy or to carry it to another browser, and import it there.
        </Translate>
      </p>
      <p className={styles.totals} data-output="totals" data-value={progress ? `${totals.exercisesPassed}/${totals.exercises} ${totals.quizzesDone}/${totals.quizzes}` : undefined}>
        {progress ? (
          <Translate id="notebook.progress.totals" values={{exercises: exercisesText, quizzes: quizzesText}}>
            {'{exercises}, {quizzes}'}
          </Translate>
        ) : (
          <Translate id="notebook.progress.reading">Reading your progress from this browser…</Translate>
        )}
      </p>
      <Transfer progress={progress} onChange={refresh} />
      {summary.chapters.map((chapter) => (
        <section key={chapter.permalink} className={styles.chapter} data-chapter={chapter.permalink}>
          <Heading as="h2" className={styles.chapterTitle}>
            <Link to={chapter.permalink}>{chapter.title}</Link>
          </Heading>
          <ul className={styles.items}>
            {chapter.items.map((item) => (
              <ItemRow key={`${item.kind} ${item.id}`} item={item} loaded={progress !== null} />
            ))}
          </ul>
        </section>
      ))}
      {summary.unknown.length > 0 && (
        <section className={styles.chapter} data-chapter="unknown">
          <Heading as="h2" className={styles.chapterTitle}>
            <Translate id="notebook.progress.unknown.title">Not in the notebook any more</Translate>
          </Heading>
          <p>
            <Translate id="notebook.progress.unknown.intro">
              These results belong to exercises or quizzes that the notebook no longer has, or has moved. They are kept, and exports include them.
            </Translate>
          </p>
          <ul className={styles.items}>
            {summary.unknown.map((unknown) => (
              <UnknownRow key={`${unknown.kind} ${unknown.key}`} unknown={unknown} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
