import {useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

interface Props {
  /** Given by @docusaurus/plugin-pwa: activates the waiting service worker, then reloads the page. */
  onReload(): void;
}

/**
 * Shown when a new version of the site has been saved in the background. It does not take the focus:
 * it is announced politely, and nothing changes until the reader chooses to load the new version.
 */
export default function PwaReloadPopup({onReload}: Props): ReactNode {
  const [visible, setVisible] = useState(true);
  if (!visible) return null;
  return (
    <section
      className={styles.popup}
      data-pwa-reload=""
      aria-label={translate({id: 'notebook.update.region', message: 'New version of the notebook'})}>
      <p role="status" className={styles.text}>
        <Translate id="notebook.update.text">
          A new version of the notebook is ready. Your edits and progress are kept when you load it.
        </Translate>
      </p>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--primary button--sm"
          onClick={() => {
            setVisible(false);
            onReload();
          }}>
          <Translate id="notebook.update.load">Load the new version</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={() => setVisible(false)}>
          <Translate id="notebook.update.later">Later</Translate>
        </button>
      </div>
    </section>
  );
}
