import {useCallback, useEffect, useState} from 'react';
import {readUrlInputs} from './urlState';

/**
 * A widget's text inputs, starting from `defaults` (what the server renders) and then from the
 * page address when it names them (`?<prefix>.<name>=…`, see urlState.ts).
 */
export function useUrlInputs<Name extends string>(prefix: string, defaults: Record<Name, string>): [Record<Name, string>, (name: Name, value: string) => void, (values: Partial<Record<Name, string>>) => void] {
  const [inputs, setInputs] = useState(defaults);
  useEffect(() => {
    const fromUrl = readUrlInputs(window.location.search, prefix, Object.keys(defaults) as Name[]);
    if (Object.keys(fromUrl).length > 0) setInputs((current) => ({...current, ...fromUrl}));
    // Read once, on the first render in the browser: later edits belong to the learner.
  }, []);
  const setInput = useCallback((name: Name, value: string) => setInputs((current) => ({...current, [name]: value})), []);
  const setMany = useCallback((values: Partial<Record<Name, string>>) => setInputs((current) => ({...current, ...values})), []);
  return [inputs, setInput, setMany];
}
