import {lazy, Suspense, useEffect, useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';

// The search UI (autocomplete, index loader) is a tenth of a page's JavaScript and is only needed
// once the reader turns to search, so the navbar shows a plain input until then.
const loadSearchBar = () => import('@theme-original/SearchBar');
const OriginalSearchBar = lazy(loadSearchBar);

const label = () => translate({id: 'theme.SearchBar.label', message: 'Search', description: 'The ARIA label and placeholder for search'});

/** Moves focus and any text typed so far into the real search input once it has mounted. */
function useHandOver(container: React.RefObject<HTMLDivElement | null>, typed: string, active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => {
      const input = container.current?.querySelector<HTMLInputElement>('input.navbar__search-input:not([data-placeholder])');
      if (!input) return;
      window.clearInterval(timer);
      input.focus();
      if (typed) {
        // React tracks the input's value; set it through the native setter so onChange fires.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, typed);
        input.dispatchEvent(new Event('input', {bubbles: true}));
      }
    }, 30);
    return () => window.clearInterval(timer);
  }, [active, container, typed]);
}

export default function SearchBar(): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  const [focusRequested, setFocusRequested] = useState(false);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    // A link from a search result carries the terms to highlight; the real search bar does that.
    if (new URLSearchParams(window.location.search).has('_highlight')) setActive(true);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setFocusRequested(true);
        setActive(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useHandOver(container, typed, active && focusRequested);

  const placeholder = (
    <div className="navbar__search">
      <input
        data-placeholder=""
        type="search"
        className="navbar__search-input"
        placeholder={label()}
        aria-label={label()}
        value={typed}
        onPointerEnter={() => void loadSearchBar()}
        onFocus={() => {
          setFocusRequested(true);
          setActive(true);
        }}
        onChange={(event) => setTyped(event.target.value)}
      />
    </div>
  );

  return (
    <div ref={container} style={{display: 'contents'}}>
      {active ? <Suspense fallback={placeholder}><OriginalSearchBar /></Suspense> : placeholder}
    </div>
  );
}
