/**
 * Errors a clerk can cause are values with a Chinese message and a place, never a stack trace.
 * Transports carry `{ message, where }` and the client side re-creates the AppError.
 */
export interface Where {
  file?: string;
  sheet?: string;
  cell?: string;
  table?: string;
  row?: string;
  column?: string;
}

export class AppError extends Error {
  readonly where: Where | undefined;
  constructor(message: string, where?: Where) {
    super(message);
    this.name = 'AppError';
    this.where = where;
  }

  toJSON(): { message: string; where?: Where } {
    return this.where ? { message: this.message, where: this.where } : { message: this.message };
  }
}
