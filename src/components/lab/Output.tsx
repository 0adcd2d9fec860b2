import type {ReactNode} from 'react';
import styles from './styles.module.css';

export interface OutputProps {
  /** The output's name for browser tests: `data-output`. */
  name: string;
  /** The canonical value tests compare (lowercase hex, a keyword…): `data-value`. */
  value: string;
  /** What readers see. Default: the value itself. */
  children?: ReactNode;
  /** Set in the text font (for a sentence) instead of code type. Default false. */
  prose?: boolean;
}

/** A computed value that browser tests and readers both check: canonical in `data-value`, formatted freely inside. */
export default function Output({name, value, children, prose = false}: OutputProps): ReactNode {
  const Element = prose ? 'span' : 'code';
  return (
    <Element className={styles.output} data-output={name} data-value={value}>
      {children ?? value}
    </Element>
  );
}
