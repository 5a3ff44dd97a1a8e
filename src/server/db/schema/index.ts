export * from './org.ts';
export * from './enterprises.ts';
export * from './audit.ts';
export * from './hazards.ts';
export * from './inspections.ts';
export * from './enforcement.ts';
export * from './kernel.ts';
