export { openEngine, type Engine, type EngineOptions } from './engine';
export type { CallContext } from './context';
