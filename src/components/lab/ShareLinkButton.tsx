import {useId, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {urlWithInputs} from './urlState';
import styles from './styles.module.css';

/**
 * "Link to this example": puts the widget's inputs in the address bar and copies the address, so
 * that a teacher can send a class to this exact example. Falls back to a field to copy by hand.
 * Every lab widget has one, with its own id as `anchor`.
 */
export default function ShareLinkButton({prefix, inputs, anchor}: {prefix: string; inputs: Record<string, string>; anchor: string}): ReactNode {
  const [state, setState] = useState<{kind: 'idle'} | {kind: 'copied'} | {kind: 'manual'; link: string}>({kind: 'idle'});
  const fieldId = useId();
  // The widget's id is where its links land: tell the build's link check, so that a chapter may link to it.
  useBrokenLinks().collectAnchor(anchor);
  async function share() {
    const link = urlWithInputs(window.location.href, prefix, inputs, anchor);
    window.history.replaceState(window.history.state, '', link);
    try {
      await navigator.clipboard.writeText(link);
      setState({kind: 'copied'});
    } catch {
      setState({kind: 'manual', link});
    }
  }
  return (
    <div className={styles.share}>
      <button type="button" className="button button--sm button--secondary" onClick={share} data-action="share-link">
        <Translate id="lab.share.button">Link to this example</Translate>
      </button>
      <span role="status" className={styles.shareStatus}>
        {state.kind === 'copied' && <Translate id="lab.share.copied">Link copied: it opens this widget with these inputs.</Translate>}
      </span>
      {state.kind === 'manual' && (
        <span className={styles.shareManual}>
          <label htmlFor={fieldId}>{translate({id: 'lab.share.manual', message: 'Copy this link:'})}</label>
          <input id={fieldId} readOnly value={state.link} onFocus={(event) => event.currentTarget.select()} />
        </span>
      )}
    </div>
  );
}
