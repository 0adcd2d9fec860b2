import {useEffect, useId, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

/** Links longer than this are cut by some chat tools and mail clients. */
const LONG_LINK_LENGTH = 2000;

type ShareState = {kind: 'idle'} | {kind: 'copied'; link: string} | {kind: 'manual'; link: string};

/** Copies a link that reopens this page with the cell's current code; shows the link when there is no clipboard. */
export default function ShareButton({cellId, code}: {cellId: string; code: string}): ReactNode {
  const [state, setState] = useState<ShareState>({kind: 'idle'});
  const fieldId = useId();

  // A link made from older code would share the wrong version.
  useEffect(() => setState({kind: 'idle'}), [code]);

  async function share() {
    // lz-string comes with the share module, only when someone shares.
    const {shareUrl} = await import('@site/src/live/share');
    const link = shareUrl(window.location.href, cellId, code);
    try {
      await navigator.clipboard.writeText(link);
      setState({kind: 'copied', link});
    } catch {
      setState({kind: 'manual', link});
    }
  }

  const longLink =
    state.kind !== 'idle' && state.link.length > LONG_LINK_LENGTH
      ? translate(
          {id: 'notebook.share.long', message: 'This link is {length} characters long; some chat tools cut links that long.'},
          {length: state.link.length},
        )
      : null;

  return (
    <>
      <button type="button" className="button button--sm button--secondary" onClick={share}>
        <Translate id="notebook.toolbar.share">Share</Translate>
      </button>
      <span role="status" className={styles.shareStatus}>
        {state.kind === 'copied' && (
          <>
            <Translate id="notebook.share.copied">Link copied</Translate>
            {longLink && ` ${longLink}`}
          </>
        )}
      </span>
      {state.kind === 'manual' && (
        <div className={styles.shareField}>
          <label htmlFor={fieldId}>
            <Translate id="notebook.share.manual">The clipboard is not available. Copy this link to share the code:</Translate>
          </label>
          <input id={fieldId} type="text" readOnly value={state.link} onFocus={(event) => event.currentTarget.select()} />
          {longLink && <p className={styles.note}>{longLink}</p>}
        </div>
      )}
    </>
  );
}
