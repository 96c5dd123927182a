import { useCallback, useEffect, useMemo, useState } from 'react';
import { UNIT_KINDS, type Api, type Unit, type UnitKind } from '../../../shared/api/contract';
import { ACCOUNTING_SYSTEMS, BUDGET_LEVELS, REPORT_KINDS, type ReportKind, type UnitTreeNode } from '../../../shared/api/registerContract';
import { CloseActions } from '../app/CloseActions';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { ChoiceRow } from './ChoiceRow';
import { errorText } from '../app/reportSession';
import { saveFile } from '../excel/saveFile';
import { RolloverDialog } from './RolloverDialog';
import { UnitTreeGrid } from './UnitTreeGrid';
import './dept.css';

interface Props {
  api: Api;
  year: number;
  notify(kind: 'error' | 'info', text: string): void;
  /** Open a unit's report, or (consolidated) its department's 部门汇总. */
  onOpen(code: string, consolidated: boolean, year?: number): void;
  /** The register changed (names, parents): the top bar reloads its list. */
  onChanged(): void;
  onClose(): void;
}

type Editing = { code: string; name: string; kind: UnitKind; creditCode: string; budgetLevel: string; accountingSystem: string; reportKind: ReportKind; parent: string };

/** 单位名录: the register as a tree with each report's state for the year, and what can be done to a unit. */
export function RegisterDialog({ api, year, notify, onOpen, onChanged, onClose }: Props) {
  const [nodes, setNodes] = useState<UnitTreeNode[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'remove' | 'delete' } | null>(null);
  const [rollover, setRollover] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [find, setFind] = useState('');

  const load = useCallback(async () => {
    try {
      setNodes(await api.unitTree({ year }));
    } catch (err) {
      notify('error', `无法读取单位名录：${errorText(err)}`);
    }
  }, [api, year, notify]);
  useEffect(() => void load(), [load]);

  const node = useMemo(() => nodes?.find((n) => n.unit.code === selected) ?? null, [nodes, selected]);
  const hasChildren = (code: string) => nodes?.some((n) => n.unit.parent === code && n.unit.archivedFrom === null) ?? false;
  const visible = (nodes ?? []).filter((n) => showArchived || n.unit.archivedFrom === null);

  const edit = () => {
    if (!node) return;
    const u = node.unit;
    setFormError(null);
    setEditing({
      code: u.code,
      name: u.name,
      kind: u.kind,
      creditCode: u.creditCode ?? '',
      budgetLevel: u.budgetLevel ?? '',
      accountingSystem: u.accountingSystem ?? '',
      reportKind: u.reportKind,
      parent: u.parent ?? '',
    });
  };

  const save = async () => {
    if (!editing || !node) return;
    try {
      await api.updateUnitRecord({
        code: editing.code,
        name: editing.name,
        kind: editing.kind,
        creditCode: editing.creditCode.trim() || null,
        budgetLevel: (BUDGET_LEVELS as readonly string[]).includes(editing.budgetLevel) ? (editing.budgetLevel as (typeof BUDGET_LEVELS)[number]) : null,
        accountingSystem: (ACCOUNTING_SYSTEMS as readonly string[]).includes(editing.accountingSystem) ? (editing.accountingSystem as (typeof ACCOUNTING_SYSTEMS)[number]) : null,
        reportKind: editing.reportKind,
      });
      if ((node.unit.parent ?? '') !== editing.parent) await api.moveUnit({ code: editing.code, parent: editing.parent || null });
      setEditing(null);
      notify('info', `已保存单位 ${editing.name}`);
      onChanged();
      await load();
    } catch (err) {
      setFormError(errorText(err));
    }
  };

  const remove = async () => {
    setConfirm(null);
    if (!node) return;
    try {
      const result = await api.removeUnit({ code: node.unit.code });
      notify('info', result.removed === 'deleted' ? `已删除单位 ${node.unit.name}` : `已归档单位 ${node.unit.name}：自 ${result.unit?.archivedFrom ?? ''} 年度起不再纳入部门汇总，报表全部保留`);
      onChanged();
      await load();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  const deleteReport = async () => {
    setConfirm(null);
    if (!node) return;
    try {
      const { backup } = await api.deleteReport({ unit: node.unit.code, year, confirm: true });
      notify('info', `已删除 ${node.unit.name} ${year} 年度报表；删除前已备份数据库：${backup}`);
      onChanged();
      await load();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  const exportExchange = async () => {
    if (!node) return;
    try {
      saveFile(await api.exportExchange({ unit: node.unit.code, year }), 'application/json');
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  const restore = async () => {
    if (!node) return;
    try {
      await api.restoreUnit({ code: node.unit.code });
      notify('info', `已恢复单位 ${node.unit.name}`);
      onChanged();
      await load();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  const parents: Unit[] = (nodes ?? []).map((n) => n.unit).filter((u) => u.code !== editing?.code && u.archivedFrom === null);

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !confirm && !rollover && onClose()}>
      <div className="modal dept-modal" role="dialog" aria-modal="true" aria-label="单位名录">
        <h2>单位名录 · {year} 年度报表状态</h2>
        <div className="modal-body">
          {nodes === null ? (
            <p>正在读取…</p>
          ) : (
            <UnitTreeGrid
              nodes={visible}
              year={year}
              selected={selected}
              find={find}
              onSelect={(code) => {
                setSelected(code);
                setEditing(null);
              }}
              onOpen={(code) => onOpen(code, false)}
            />
          )}
          <div className="register-actions">
            <input type="search" className="unit-find" placeholder="查找单位：名称、编码或状态" title="按名称、编码、统一社会信用代码或报表状态查找" aria-label="查找单位" value={find} onChange={(e) => setFind(e.target.value)} />
            <label>
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> 显示已归档单位
            </label>
            <span style={{ flex: 1 }} />
            <button type="button" disabled={!node} onClick={() => node && onOpen(node.unit.code, false)}>
              打开报表
            </button>
            <button type="button" disabled={!node || !hasChildren(node.unit.code)} onClick={() => node && onOpen(node.unit.code, true)}>
              打开部门汇总
            </button>
            <button type="button" disabled={!node} onClick={edit}>
              编辑…
            </button>
            <button type="button" disabled={!node || node.state === '未填'} onClick={() => void exportExchange()}>
              导出报送文件
            </button>
            <button type="button" disabled={!node || node.state === '未填'} onClick={() => setRollover(true)}>
              结转到 {year + 1} 年度…
            </button>
            <button type="button" disabled={!node || node.state === '未填'} onClick={() => setConfirm({ kind: 'delete' })}>
              删除 {year} 年度报表…
            </button>
            {node?.unit.archivedFrom !== null && node ? (
              <button type="button" onClick={() => void restore()}>
                恢复
              </button>
            ) : (
              <button type="button" disabled={!node} onClick={() => setConfirm({ kind: 'remove' })}>
                删除/归档单位…
              </button>
            )}
          </div>
          {editing && (
            <form
              className="register-form"
              aria-label="编辑单位"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <label>
                单位名称
                <input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
              </label>
              <ChoiceRow label="单位类型" value={editing.kind} choices={UNIT_KINDS} onChange={(kind) => kind !== '' && setEditing({ ...editing, kind })} />
              <label>
                统一社会信用代码
                <input value={editing.creditCode} maxLength={18} onChange={(e) => setEditing({ ...editing, creditCode: e.target.value })} placeholder="18 位，含校验位" />
              </label>
              <label>
                上级单位
                <select value={editing.parent} onChange={(e) => setEditing({ ...editing, parent: e.target.value })}>
                  <option value="">（无，顶级单位）</option>
                  {parents.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name}（{u.code}）
                    </option>
                  ))}
                </select>
              </label>
              <ChoiceRow label="预算级次" value={editing.budgetLevel} choices={BUDGET_LEVELS} blank="（未填）" onChange={(budgetLevel) => setEditing({ ...editing, budgetLevel })} />
              <ChoiceRow
                label="执行会计制度"
                value={editing.accountingSystem}
                choices={ACCOUNTING_SYSTEMS}
                blank="（未填）"
                onChange={(accountingSystem) => setEditing({ ...editing, accountingSystem })}
              />
              <ChoiceRow label="报表类型" value={editing.reportKind} choices={REPORT_KINDS} onChange={(reportKind) => reportKind !== '' && setEditing({ ...editing, reportKind })} />
              {formError && (
                <div className="form-error" role="alert">
                  {formError}
                </div>
              )}
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(null)}>
                  取消
                </button>
                <button type="submit" className="primary">
                  保存
                </button>
              </div>
            </form>
          )}
        </div>
        <CloseActions onClose={onClose} />
      </div>
      {confirm?.kind === 'remove' && node && (
        <ConfirmDialog
          title="删除或归档单位"
          message={`没有报表、也没有下级单位的单位将被删除；已有报表的单位“${node.unit.name}”将归档：不再纳入以后年度的部门汇总，已有报表全部保留。确定吗？`}
          confirmLabel="确定"
          onConfirm={() => void remove()}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm?.kind === 'delete' && node && (
        <ConfirmDialog
          title="删除报表"
          message={`删除“${node.unit.name}”${year} 年度报表的全部数据（单元格、科目行、封面和说明文字）。删除前会自动备份整个数据库。确定删除吗？`}
          confirmLabel="删除"
          onConfirm={() => void deleteReport()}
          onCancel={() => setConfirm(null)}
        />
      )}
      {rollover && node && (
        <RolloverDialog
          api={api}
          unit={node.unit}
          from={year}
          notify={notify}
          onDone={() => {
            setRollover(false);
            onChanged();
            onOpen(node.unit.code, false, year + 1);
          }}
          onClose={() => setRollover(false)}
        />
      )}
    </div>
  );
}
