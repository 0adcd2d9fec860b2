import {lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';

// The search UI (autocomplete, index loader) is a tenth of a page's JavaScript and is only needed
// once the reader turns to search, so the navbar shows a plain input until then. The real search bar
// loads hidden behind it and takes over the focus and whatever was typed in the meantime.
const loadSearchBar = () => import('@theme-original/SearchBar');
const OriginalSearchBar = lazy(loadSearchBar);

const label = () => translate({id: 'theme.SearchBar.label', message: 'Search', description: 'The ARIA label and placeholder for search'});

// The real search bar, once mounted, clears its input in a zero-delay timeout (it re-applies the
// terms to highlight). Effects run in sibling order, so a timeout set here fires after that one and
// the text typed so far is not wiped.
function AfterMount({run}: {run: () => void}): null {
  useEffect(() => {
    const timer = window.setTimeout(run, 0);
    return () => window.clearTimeout(timer);
  }, [run]);
  return null;
}

export default function SearchBar(): ReactNode {
  const realBar = useRef<HTMLDivElement>(null);
  const placeholderInput = useRef<HTMLInputElement>(null);
  const [requested, setRequested] = useState(false);
  const [handedOver, setHandedOver] = useState(false);

  useEffect(() => {
    // A link from a search result carries the terms to highlight; the real search bar does that.
    if (new URLSearchParams(window.location.search).has('_highlight')) setRequested(true);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && !handedOver) {
        event.preventDefault();
        placeholderInput.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handedOver]);

  const handOver = useCallback(() => {
    const input = realBar.current?.querySelector<HTMLInputElement>('input.navbar__search-input');
    const placeholder = placeholderInput.current;
    if (!input || !realBar.current) return;
    const hadFocus = document.activeElement === placeholder;
    const typed = placeholder?.value ?? '';
    realBar.current.hidden = false;
    if (typed) {
      // React tracks the input's value; set it through the native setter so onChange fires.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, typed);
      input.dispatchEvent(new Event('input', {bubbles: true}));
    }
    if (hadFocus) {
      input.focus();
      input.setSelectionRange(typed.length, typed.length);
    }
    setHandedOver(true);
  }, []);

  return (
    <>
      {!handedOver && (
        <div className="navbar__search">
          <input
            ref={placeholderInput}
            type="search"
            className="navbar__search-input"
            placeholder={label()}
            aria-label={label()}
            onPointerEnter={() => void loadSearchBar()}
            onFocus={() => setRequested(true)}
          />
        </div>
      )}
      {requested && (
        <div ref={realBar} hidden={!handedOver} style={{display: handedOver ? 'contents' : undefined}}>
          <Suspense fallback={null}>
            <OriginalSearchBar />
            <AfterMount run={handOver} />
          </Suspense>
        </div>
      )}
    </>
  );
}
