/** The static server tests serve built sites with (it lives in src/io: the bench opens pages with it too). */
export * from '../../src/io/static-server.ts';
