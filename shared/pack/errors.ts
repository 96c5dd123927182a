import { AppError, type Where } from '../base/errors';

/** A pack that cannot be used: the message names the file and the fault, in Chinese. */
export class PackError extends AppError {
  constructor(message: string, where?: Where) {
    super(message, where);
    this.name = 'PackError';
  }
}
