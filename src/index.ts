/** Library entry point: everything the CLI does is available here without it. */
export * from './model/diagnostic';
export * from './model/plan';
export * from './render/layout';
export * from './config/schema';
export { loadConfig, parseConfigText, defaultConfig } from './config/load';
export { writeFileAtomic, writeFilesAtomic } from './io/atomic-write';
export { sourceDate } from './io/source-date';
export * from './model/manifest';
