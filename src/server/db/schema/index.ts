export * from './org.ts';
export * from './enterprises.ts';
export * from './audit.ts';
export * from './hazards.ts';
