import {translate} from '@docusaurus/Translate';
import {useEffect, useRef, useState, type ReactNode} from 'react';
import OriginalMermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type {WrapperProps} from '@docusaurus/types';
import styles from './styles.module.css';

type Props = WrapperProps<typeof MermaidType>;

/**
 * Mermaid weighs about 350 KB of gzip JavaScript, more than the rest of a page together. Draw a
 * diagram only when it comes near the viewport (or the page is printed), and show its text form
 * until then, so that pages load light and still read without JavaScript.
 */
export default function Mermaid(props: Props): ReactNode {
  const placeholder = useRef<HTMLPreElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = placeholder.current;
    if (!element || visible) return undefined;
    const show = () => setVisible(true);
    window.addEventListener('beforeprint', show);
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && show(), {
      rootMargin: '300px 0px', // i18n-exempt: a CSS margin
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', show);
    };
  }, [visible]);

  // The text form stays until the drawing exists (CSS hides it then): printing starts the drawing, and a
  // page printed before Mermaid has finished still shows the diagram as text rather than nothing.
  return (
    <div className={styles.slot}>
      {visible && <OriginalMermaid {...props} />}
      {/* Focusable: a wide diagram's text scrolls sideways, and a keyboard must be able to scroll it. */}
      <pre
        ref={placeholder}
        className={styles.pending}
        data-diagram-pending=""
        tabIndex={0}
        aria-label={translate({id: 'notebook.mermaid.pending', message: 'Diagram in text form; it is drawn when scrolled into view'})}>
        {props.value}
      </pre>
    </div>
  );
}
