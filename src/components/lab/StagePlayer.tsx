import {useState, type ReactNode} from 'react';
import clsx from 'clsx';
import StepPlayer, {usePrefersReducedMotion} from '@site/src/components/StepPlayer';
import styles from './stages.module.css';

/** One stage of an attack, as the player shows it. */
export interface StageDefinition {
  /** A stable name: `data-stage` on the stage's element. */
  name: string;
  /** The heading, numbered by the player. */
  title: string;
  /** The player's line for the stage, from its title, with a result where it has one. Default: the title. */
  describe?(title: string): string;
  /** The body. `revealed` is false for stages after the current step: draw nothing heavy for them. */
  render(revealed: boolean): ReactNode;
}

export interface StagePlayerProps {
  /** What is played ("The attack on one datagram"); names the player for screen readers. */
  label: string;
  /** The stages in order; step k of the player reveals stage k. */
  stages: readonly StageDefinition[];
}

/** The number a stage has in the player (counted from 1, as its heading shows it). */
export function stageNumber(stages: readonly StageDefinition[], name: string): number {
  return stages.findIndex((stage) => stage.name === name) + 1;
}

/**
 * A step-through of an attack's stages: the site's step player over a numbered list of stages, the
 * ones up to the current step shown and the current one marked. With reduced motion every stage is
 * shown, a list to read.
 */
export default function StagePlayer({label, stages}: StagePlayerProps): ReactNode {
  const [step, setStep] = useState(0);
  const showAll = usePrefersReducedMotion();
  const describeStep = (index: number) => {
    const {title, describe} = stages[index];
    return describe ? describe(title) : title;
  };
  return (
    <StepPlayer label={label} stepCount={stages.length} step={step} onStepChange={setStep} describeStep={describeStep}>
      <ol className={styles.stages}>
        {stages.map((stage, index) => {
          const revealed = showAll || index <= step;
          const current = index === step;
          return (
            <li key={stage.name} hidden={!revealed} className={clsx(styles.stage, current && styles.currentStage)} aria-current={current ? 'step' : undefined} data-stage={stage.name}>
              <h4 className={styles.stageTitle}>
                {index + 1}. {stage.title}
              </h4>
              {stage.render(revealed)}
            </li>
          );
        })}
      </ol>
    </StepPlayer>
  );
}
