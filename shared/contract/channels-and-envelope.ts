/** The light part of the contract (names and envelope, no schemas) for code that must not pull in zod. */
export * from './channels';
export * from './envelope';
