/**
 * Marks on grid cells: offending cells by level (强制 red, 提示 orange) and, for the result the
 * clerk clicked, the cells of the other side of the comparison (in any table). The grid asks for a
 * cell's classes when it draws it and is told exactly which cells to redraw when marks change.
 */
import type { CellKey } from '../../../shared/api/contract';
import type { AuditLevel } from '../../../shared/audit/ruleModel';
import type { AuditResult } from '../../../shared/audit/types';
import type { LiveAudit } from './liveAudit';

/** What the grid needs (renderer/src/table/ReportGrid.tsx takes it as an optional prop). */
export interface CellMarks {
  classesOf(key: CellKey): readonly string[];
  /** The listener gets the keys whose classes changed. */
  subscribe(listener: (keys: readonly CellKey[]) => void): () => void;
}

const LEVEL_CLASS: Record<AuditLevel, string> = { 强制: 'cell-audit-hard', 提示: 'cell-audit-soft' };
const RELATED = 'cell-audit-related';
const NONE: readonly string[] = [];

export class AuditCellMarks implements CellMarks {
  private marks: ReadonlyMap<CellKey, AuditLevel>;
  private related = new Set<CellKey>();
  private readonly listeners = new Set<(keys: readonly CellKey[]) => void>();
  private readonly detach: () => void;

  constructor(private readonly audit: LiveAudit) {
    this.marks = audit.snapshot().marks;
    this.detach = audit.subscribe(() => this.sync());
  }

  dispose(): void {
    this.detach();
    this.listeners.clear();
  }

  classesOf(key: CellKey): readonly string[] {
    const level = this.marks.get(key);
    const related = this.related.has(key);
    if (!level && !related) return NONE;
    const out: string[] = [];
    if (level) out.push(LEVEL_CLASS[level]);
    if (related) out.push(RELATED);
    return out;
  }

  subscribe(listener: (keys: readonly CellKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Highlights every cell of both sides of a result except the one that will be selected. */
  highlight(result: AuditResult | null): void {
    const next = new Set<CellKey>(result ? [...result.left.cells, ...result.right.cells].filter((k) => k !== result.focus) : []);
    const changed = [...this.related].filter((k) => !next.has(k)).concat([...next].filter((k) => !this.related.has(k)));
    this.related = next;
    this.notify(changed);
  }

  private sync(): void {
    const next = this.audit.snapshot().marks;
    if (next === this.marks) return;
    const changed: CellKey[] = [];
    for (const [key, level] of next) if (this.marks.get(key) !== level) changed.push(key);
    for (const key of this.marks.keys()) if (!next.has(key)) changed.push(key);
    this.marks = next;
    this.notify(changed);
  }

  private notify(keys: readonly CellKey[]): void {
    if (keys.length === 0) return;
    for (const l of this.listeners) l(keys);
  }
}
