export * from './enums';
export * from './roles';
export * from './sync';
export * from './checkpoint';
export * from './levels';
export * from './fold';
export * from './results';
export * from './sources';
