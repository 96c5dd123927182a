/** The error values of the Api are the base layer's (shared/base/errors); re-exported for the transports. */
export { AppError, type Where } from '../base/errors';
