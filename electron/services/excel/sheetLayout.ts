/** The sheet layout lives in shared/engine so the print view draws the same columns and headers. */
export * from '../../../shared/engine/sheetLayout';
