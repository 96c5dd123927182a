/**
 * The Api's method names as a plain list, free of zod, so the preload bundle stays tiny.
 * The type check below fails to compile if a method of the contract is missing here.
 */
import type { ApiMethod } from './contract';

export const API_METHODS = [
  'listUnits',
  'addUnit',
  'listPacks',
  'getPack',
  'openReport',
  'findReport',
  'setCells',
  'addRows',
  'removeRow',
  'setTexts',
  'previousYear',
  'exportXlsx',
  'planXlsxImport',
  'commitXlsxImport',
  'exportNarrative',
  'planCatalogueImport',
  'commitCatalogueImport',
  'getUndo',
  'recordUndo',
  'getPrintSettings',
  'setPrintSettings',
  'printPreview',
  'printSave',
  'printToPrinter',
  'verifyFingerprint',
  'listRegister',
  'updateUnitRecord',
  'moveUnit',
  'removeUnit',
  'restoreUnit',
  'unitTree',
  'consolidationView',
  'setAdjustment',
  'cellBreakdown',
  'exportExchange',
  'planExchangeImport',
  'commitExchangeImport',
  'planRollover',
  'commitRollover',
  'reportYears',
  'deleteReport',
  'perfState',
  'perfEdit',
  'perfReport',
  'exportPerfReport',
  'getSettings',
  'setSettings',
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;
