/** The portfolio's history (issue 18): samples of the model at past review periods, and what they show. */
export * from './periods.ts';
export * from './sample.ts';
export * from './trends.ts';
