import { useEffect, useState, type KeyboardEvent } from 'react';
import type { LayoutRow } from '../../../shared/engine/types';
import type { NamedSource } from '../../../shared/pack/namedRows';
import { errorText, type ReportSession } from '../app/reportSession';
import type { Notify } from './ReportGrid';

interface Props {
  session: ReportSession;
  table: string;
  source: NamedSource;
  /** The named row the cursor is on, if any: it may be renamed or removed. */
  selected: LayoutRow | null;
  onRemove(): void;
  notify: Notify;
}

/**
 * Above a table of rows the clerk names (projects, indicators): 添加一行 with a name, and for the
 * selected row 改名 and 删除行 (with a confirmation, TableView). The row's id is the store's.
 */
export function NamedRowTools({ session, table, source, selected, onRemove, notify }: Props) {
  const [name, setName] = useState('');
  const [rename, setRename] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setRename(selected?.label ?? ''), [selected]);

  const add = async () => {
    const wanted = name.trim();
    if (!wanted) {
      notify('error', `请先输入${source.nameLabel}`);
      return;
    }
    setBusy(true);
    try {
      await session.addNamedRow(table, wanted);
      notify('info', `已添加一行：${wanted}`);
      setName('');
    } catch (err) {
      notify('error', `添加失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const doRename = async () => {
    if (!selected) return;
    const wanted = rename.trim();
    if (wanted === selected.label) return;
    setBusy(true);
    try {
      await session.renameRow(table, selected.id, wanted);
      notify('info', `已改名：${selected.label} → ${wanted}`);
    } catch (err) {
      notify('error', `改名失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onKey = (then: () => Promise<void>) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void then();
    }
  };

  return (
    <div className="row-tools named-tools">
      <label>
        {source.nameLabel}：
        <input className="named-input" value={name} placeholder={`输入${source.nameLabel}后按 Enter`} maxLength={100} disabled={busy} onChange={(e) => setName(e.target.value)} onKeyDown={onKey(add)} aria-label={`新行的${source.nameLabel}`} />
      </label>
      <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
        添加一行
      </button>
      <span className="named-selected">
        <input className="named-input" value={rename} disabled={!selected || busy} maxLength={100} onChange={(e) => setRename(e.target.value)} onKeyDown={onKey(doRename)} aria-label={`选中行的${source.nameLabel}`} placeholder="选中一行后可改名" />
        <button type="button" disabled={!selected || busy || rename.trim() === '' || rename.trim() === selected.label} onClick={() => void doRename()}>
          改名
        </button>
        <button type="button" disabled={!selected || busy} onClick={onRemove} title="删除选中的行及其已填写的数">
          删除行
        </button>
      </span>
    </div>
  );
}
