// Generates and classifies the detection lab's traffic away from the page's thread (see useClassifiedTraffic.ts).
import {classifyTraffic, type TrafficRequest} from './detectionRun';

self.onmessage = (message: MessageEvent<TrafficRequest>) => self.postMessage({request: message.data, traffic: classifyTraffic(message.data)});
