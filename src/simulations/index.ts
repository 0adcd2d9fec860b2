// The simulations' public API: what the widgets use and what a live cell imports from 'skype/simulations'.
export {SeededRandom} from './random';
export * from './nat';
export * from './overlay';
export * from './traffic';
export * from './detection';
