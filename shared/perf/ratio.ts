/** 绩效's exact rationals are the shared ones (shared/money/ratio.ts), which the formula language evaluates with too. */
export * from '../money/ratio';
