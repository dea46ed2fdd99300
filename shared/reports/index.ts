/** Report math (the reports issue): pure functions over a columnar dataset. */
export * from './cohorts';
export * from './complaints';
export * from './csv';
export * from './dataset';
export * from './feedback';
export * from './liability';
export * from './periods';
export * from './purchase-index';
export * from './referrals';
export * from './refunds';
export * from './report';
export * from './retention';
export * from './revenue';
export * from './rfm';
export * from './time';
export * from './value';
