import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  LocaleModule,
  QuickFilterModule,
  RowStyleModule,
  themeQuartz,
  type ColDef,
  type ICellRendererParams,
  type RowClassRules,
} from 'ag-grid-community';
import type { UnitTreeNode } from '../../../shared/api/registerContract';

/**
 * The register's unit tree. A county register can hold a thousand units, so it is an AG Grid
 * (row virtualisation, resizable columns, quick find) rather than a hand-written table; the report
 * grids are our own sheet because AG Grid community has no range selection or clipboard.
 * Rows stay in tree order (no sorting): the indentation is the tree.
 */

/** Only what this grid uses, given to this grid alone rather than registered for the whole page. */
const MODULES = [ClientSideRowModelModule, QuickFilterModule, RowStyleModule, CellStyleModule, LocaleModule];

/** AG Grid's own texts in Chinese (the overlays are the only built-in texts this grid shows). */
const LOCALE = { noRowsToShow: '没有单位', loadingOoo: '正在读取…', noMatchingRows: '没有符合查找条件的单位' };

const THEME = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef2f6',
  rowHeight: 28,
  headerHeight: 30,
  columnBorder: true,
  borderColor: '#c9d2dc',
  cellHorizontalPadding: 6,
  selectedRowBackgroundColor: '#e3efff',
  accentColor: '#2563eb',
});

function NameCell({ data }: ICellRendererParams<UnitTreeNode>) {
  if (!data) return null;
  return (
    <span style={{ paddingLeft: data.depth * 18 }}>
      {data.unit.name}
      {data.unit.archivedFrom !== null && `（${data.unit.archivedFrom} 年起归档）`}
    </span>
  );
}

function StateCell({ data }: ICellRendererParams<UnitTreeNode>) {
  if (!data) return null;
  const print = data.print;
  const dept = data.deptPrint;
  return (
    <>
      <span className={`state state-${data.state}`} title={print ? `数据指纹 ${print.fingerprint}，${print.printedAt} 打印` : undefined}>
        {data.state}
      </span>
      {print && !print.current && (
        <span className="state state-outdated" title={`打印后已修改：纸质稿（数据指纹 ${print.fingerprint}，${print.printedAt} 打印）与今天的数据不一致`}>
          已过时
        </span>
      )}
      {dept && (
        <span
          className={`state ${dept.current ? 'state-已打印' : 'state-outdated'}`}
          title={
            dept.current
              ? `部门汇总已打印：数据指纹 ${dept.fingerprint}，${dept.printedAt} 打印；今天的汇总数据与纸质稿一致`
              : `部门汇总打印后已修改：纸质稿（数据指纹 ${dept.fingerprint}，${dept.printedAt} 打印）与今天的汇总数据不一致，请重新打印后签章`
          }
        >
          {dept.current ? '汇总已打印' : '汇总已过时'}
        </span>
      )}
    </>
  );
}

interface Props {
  nodes: readonly UnitTreeNode[];
  year: number;
  selected: string | null;
  find: string;
  onSelect(code: string): void;
  onOpen(code: string): void;
}

export function UnitTreeGrid({ nodes, year, selected, find, onSelect, onOpen }: Props) {
  const columns = useMemo<ColDef<UnitTreeNode>[]>(
    () => [
      { headerName: '单位', colId: 'name', valueGetter: (p) => p.data?.unit.name, cellRenderer: NameCell, flex: 2, minWidth: 200 },
      { headerName: '编码', colId: 'code', valueGetter: (p) => p.data?.unit.code, width: 110 },
      { headerName: '单位类型', colId: 'kind', valueGetter: (p) => p.data?.unit.kind, width: 150 },
      { headerName: '报表类型', colId: 'reportKind', valueGetter: (p) => p.data?.unit.reportKind, width: 110 },
      { headerName: '统一社会信用代码', colId: 'creditCode', valueGetter: (p) => p.data?.unit.creditCode ?? '', width: 190 },
      { headerName: `${year} 年度报表`, colId: 'state', valueGetter: (p) => p.data?.state, cellRenderer: StateCell, width: 200 },
      {
        headerName: '强制/提示',
        colId: 'counts',
        valueGetter: (p) => (p.data && p.data.strict !== null ? `${p.data.strict} / ${p.data.hints ?? 0}` : ''),
        width: 100,
        cellClass: 'num',
        getQuickFilterText: () => '',
      },
    ],
    [year],
  );
  const rowClassRules = useMemo<RowClassRules<UnitTreeNode>>(
    () => ({ selected: (p) => p.data?.unit.code === selected, archived: (p) => p.data?.unit.archivedFrom != null }),
    [selected],
  );
  return (
    <div className="unit-tree-grid" role="group" aria-label="单位树">
      <AgGridReact<UnitTreeNode>
        modules={MODULES}
        theme={THEME}
        localeText={LOCALE}
        rowData={nodes as UnitTreeNode[]}
        columnDefs={columns}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
        getRowId={(p) => p.data.unit.code}
        rowClassRules={rowClassRules}
        quickFilterText={find}
        ensureDomOrder
        suppressCellFocus
        onRowClicked={(e) => e.data && onSelect(e.data.unit.code)}
        onRowDoubleClicked={(e) => e.data && onOpen(e.data.unit.code)}
      />
    </div>
  );
}
