/** A problem that stops an import: printed as it is, and nothing is written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
