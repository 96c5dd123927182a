/**
 * Where the active cell goes, as in an Excel sheet protected with “select unlocked cells”: arrows,
 * Enter and Tab move only among the cells a clerk can type into, so a 类/款/合计 row is stepped over,
 * never landed on. Pure: the grid passes its shape (lines × columns and which cells are inputs).
 */
export interface Pos {
  line: number;
  col: number;
}

export interface NavShape {
  lines: number;
  cols: number;
  isInput(line: number, col: number): boolean;
}

export type Dir = 'up' | 'down' | 'left' | 'right';

const DELTA: Record<Dir, [number, number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };

/** The next input cell from `from` in a direction, along its line or column; `from` itself when there is none. */
export function step(shape: NavShape, from: Pos, dir: Dir): Pos {
  const [dl, dc] = DELTA[dir];
  let line = from.line + dl;
  let col = from.col + dc;
  while (line >= 0 && line < shape.lines && col >= 0 && col < shape.cols) {
    if (shape.isInput(line, col)) return { line, col };
    line += dl;
    col += dc;
  }
  return from;
}

/** Reading order (Tab) or its reverse (Shift+Tab): the next input cell, wrapping to the next line; `from` at the end. */
export function tabStep(shape: NavShape, from: Pos, backwards: boolean): Pos {
  const total = shape.lines * shape.cols;
  let i = from.line * shape.cols + from.col;
  for (;;) {
    i += backwards ? -1 : 1;
    if (i < 0 || i >= total) return from;
    const line = Math.floor(i / shape.cols);
    const col = i % shape.cols;
    if (shape.isInput(line, col)) return { line, col };
  }
}

/** The first (or last) input cell of a line; `from` when the line has none. */
export function lineEdge(shape: NavShape, from: Pos, end: boolean): Pos {
  for (let k = 0; k < shape.cols; k += 1) {
    const col = end ? shape.cols - 1 - k : k;
    if (shape.isInput(from.line, col)) return { line: from.line, col };
  }
  return from;
}

/** The first (Ctrl+Home) or last (Ctrl+End) input cell of the sheet. */
export function sheetEdge(shape: NavShape, from: Pos, end: boolean): Pos {
  const total = shape.lines * shape.cols;
  for (let k = 0; k < total; k += 1) {
    const i = end ? total - 1 - k : k;
    const line = Math.floor(i / shape.cols);
    const col = i % shape.cols;
    if (shape.isInput(line, col)) return { line, col };
  }
  return from;
}

/**
 * A page down (or up): `page` lines further in the same column, then the nearest input cell there,
 * looking on in the same direction first and back towards `from` after; `from` when there is none.
 */
export function pageStep(shape: NavShape, from: Pos, page: number, down: boolean): Pos {
  const sign = down ? 1 : -1;
  const target = Math.max(0, Math.min(shape.lines - 1, from.line + sign * Math.max(1, page)));
  for (let line = target; line >= 0 && line < shape.lines; line += sign) if (shape.isInput(line, from.col)) return { line, col: from.col };
  for (let line = target - sign; line !== from.line && line >= 0 && line < shape.lines; line -= sign) {
    if (shape.isInput(line, from.col)) return { line, col: from.col };
  }
  return from;
}

/** The nearest input cell at or after `from` in reading order (where a grid opens its cursor). */
export function firstInputFrom(shape: NavShape, from: Pos): Pos | null {
  if (from.line >= 0 && from.line < shape.lines && shape.isInput(from.line, from.col)) return from;
  const next = tabStep(shape, from, false);
  return next === from ? null : next;
}

/** A rectangle of cells, inclusive, whatever corner the selection started at. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeOf(a: Pos, b: Pos): Range {
  return { top: Math.min(a.line, b.line), bottom: Math.max(a.line, b.line), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

export function inRange(r: Range, line: number, col: number): boolean {
  return line >= r.top && line <= r.bottom && col >= r.left && col <= r.right;
}

/** Shift+arrow: the selection's moving corner one cell further (any cell, typed or computed), within the sheet. */
export function extend(shape: Pick<NavShape, 'lines' | 'cols'>, focus: Pos, dir: Dir, minCol = 0): Pos {
  const [dl, dc] = DELTA[dir];
  return {
    line: Math.max(0, Math.min(shape.lines - 1, focus.line + dl)),
    col: Math.max(minCol, Math.min(shape.cols - 1, focus.col + dc)),
  };
}
