import type { Level } from './model';

/** 类, 款, 项 from the top of the tree down. */
export const LEVELS_BY_RANK: readonly Level[] = ['类', '款', '项'];
