import {translate} from '@docusaurus/Translate';
import {useEffect, useRef, useState} from 'react';
import {classifyTraffic, type ClassifiedTraffic, type TrafficRequest} from './detectionRun';

export interface TrafficAnswer {
  /** The last traffic computed; null until the first answer (and on the server). */
  traffic: ClassifiedTraffic | null;
  /** Whether the traffic asked for now is still being computed. */
  pending: boolean;
  /** Why the worker failed, if it did. */
  error: string | null;
}

const keyOf = ({seed, flowsPerKind, messageCount}: TrafficRequest) => `${seed}/${flowsPerKind}/${messageCount}`;

/** The lab's one worker: it runs one request at a time and keeps only the newest of those that wait. */
interface WorkerState {
  worker: Worker;
  busy: boolean;
  waiting: TrafficRequest | null;
  send(request: TrafficRequest): void;
}

/**
 * The lab's generated traffic and its statistics, computed in a worker: generating and classifying a
 * few hundred flows takes from half a second to several, which on the page's thread would freeze it.
 * Meanwhile the last answer stays on screen. The worker lives as long as the widget; requests made
 * while it works wait, and only the newest of them runs.
 */
export function useClassifiedTraffic({seed, flowsPerKind, messageCount}: TrafficRequest): TrafficAnswer {
  const key = keyOf({seed, flowsPerKind, messageCount});
  const [answer, setAnswer] = useState<{key: string; traffic: ClassifiedTraffic | null; error: string | null} | null>(null);
  const state = useRef<WorkerState | null>(null);

  useEffect(
    () => () => {
      state.current?.worker.terminate();
      state.current = null;
    },
    [],
  );

  useEffect(() => {
    const request: TrafficRequest = {seed, flowsPerKind, messageCount};
    // Without workers (a test renderer), compute here.
    if (typeof Worker === 'undefined') {
      setAnswer({key, traffic: classifyTraffic(request), error: null});
      return;
    }
    if (state.current === null) {
      const worker = new Worker(new URL('./classify.worker.ts', import.meta.url), {type: 'module', name: 'detection-lab'});
      const current: WorkerState = {
        worker,
        busy: false,
        waiting: null,
        send(next) {
          current.busy = true;
          worker.postMessage(next);
        },
      };
      worker.onmessage = (message: MessageEvent<{request: TrafficRequest; traffic: ClassifiedTraffic}>) => {
        setAnswer({key: keyOf(message.data.request), traffic: message.data.traffic, error: null});
        current.busy = false;
        if (current.waiting) {
          current.send(current.waiting);
          current.waiting = null;
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        current.busy = false;
        setAnswer((last) => ({key: last?.key ?? '', traffic: last?.traffic ?? null, error: event.message || translate({id: 'lab.detectionLab.workerStopped', message: 'the worker stopped'})}));
      };
      state.current = current;
    }
    if (state.current.busy) state.current.waiting = request;
    else state.current.send(request);
  }, [key, seed, flowsPerKind, messageCount]);

  return {traffic: answer?.traffic ?? null, pending: answer?.key !== key, error: answer?.error ?? null};
}
