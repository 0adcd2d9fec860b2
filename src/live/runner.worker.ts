// The sandbox: runs one learner program in this worker, then the page terminates the worker. The
// page also terminates it when the time limit passes or the reader presses Stop, so an endless loop
// costs nothing but this thread.
import {runProgram} from './runProgram';
import type {RunRequest} from './types';

self.onmessage = (message: MessageEvent<RunRequest>) => runProgram(message.data, (reply) => self.postMessage(reply));
