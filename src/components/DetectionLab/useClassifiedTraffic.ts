import {useEffect, useState} from 'react';
import {classifyTraffic, type ClassifiedTraffic, type TrafficRequest} from './detectionRun';

export interface TrafficAnswer {
  /** The last traffic computed; null until the first answer (and on the server). */
  traffic: ClassifiedTraffic | null;
  /** Whether the traffic asked for now is still being computed. */
  pending: boolean;
  /** Why the last request failed, if it did. */
  error: string | null;
}

/**
 * The lab's generated traffic and its statistics, computed in a worker: generating and classifying a
 * few hundred flows takes from half a second to several, which on the page's thread would freeze it.
 * A newer request ends the worker of an older one; meanwhile the last answer stays on screen.
 */
export function useClassifiedTraffic({seed, flowsPerKind, messageCount}: TrafficRequest): TrafficAnswer {
  const key = `${seed}/${flowsPerKind}/${messageCount}`;
  const [answer, setAnswer] = useState<{key: string; traffic: ClassifiedTraffic | null; error: string | null} | null>(null);
  useEffect(() => {
    const request: TrafficRequest = {seed, flowsPerKind, messageCount};
    // Without workers (a test renderer), compute here.
    if (typeof Worker === 'undefined') {
      setAnswer({key, traffic: classifyTraffic(request), error: null});
      return undefined;
    }
    const worker = new Worker(new URL('./classify.worker.ts', import.meta.url), {type: 'module', name: 'detection-lab'});
    worker.onmessage = (message: MessageEvent<ClassifiedTraffic>) => {
      setAnswer({key, traffic: message.data, error: null});
      worker.terminate();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      setAnswer((last) => ({key, traffic: last?.traffic ?? null, error: event.message || 'the worker stopped'}));
      worker.terminate();
    };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [key, seed, flowsPerKind, messageCount]);
  return {traffic: answer?.traffic ?? null, pending: answer?.key !== key, error: answer?.key === key ? answer.error : null};
}
