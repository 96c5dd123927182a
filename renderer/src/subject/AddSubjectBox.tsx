import { useMemo, useState, type KeyboardEvent } from 'react';
import { searchCatalogue } from '../../../shared/engine/searchCatalogue';
import type { CatalogueEntry, CatalogueId } from '../../../shared/pack/model';
import type { ReportSession } from '../app/reportSession';
import { errorText } from '../app/reportSession';
import type { Notify } from '../table/ReportGrid';

interface Props {
  session: ReportSession;
  table: string;
  catalogue: CatalogueId;
  /** 科目 rows already in the table. */
  present: Set<string>;
  notify: Notify;
}

const LIMIT = 12;

/** 添加科目: a code prefix or part of a name, pick a 项, Enter adds it (its 款 and 类 follow by themselves). */
export function AddSubjectBox({ session, table, catalogue, present, notify }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [ownName, setOwnName] = useState('');
  const matches = useMemo<CatalogueEntry[]>(
    () => (query.trim() ? searchCatalogue(session.pack, catalogue, query.trim(), LIMIT) : []),
    [session.pack, catalogue, query],
  );
  // A whole 项 code the catalogue lacks: the clerk may still add it, giving its name.
  const ownCode = useMemo(() => {
    const code = query.trim().replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    const cat = session.pack.catalogues[catalogue];
    if (!cat || !/^\d+$/.test(code) || code.length !== cat.codeLength.项) return null;
    return cat.entries.some((e) => e.code === code) || matches.some((m) => m.code === code) ? null : code;
  }, [query, session.pack, catalogue, matches]);

  const addOwn = async () => {
    if (!ownCode) return;
    const name = ownName.trim();
    if (!name) {
      notify('error', `科目 ${ownCode} 不在本年度科目目录中，请填写科目名称`);
      return;
    }
    setBusy(true);
    try {
      await session.addRows(table, [ownCode], { [ownCode]: name });
      notify('info', `已添加目录外科目 ${ownCode} ${name}（审核“提示”将列出，请核对）`);
      setQuery('');
      setOwnName('');
    } catch (err) {
      notify('error', `添加科目失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const add = async (entry: CatalogueEntry | undefined) => {
    if (!entry) {
      if (query.trim()) notify('error', `没有找到与“${query.trim()}”匹配的项级科目`);
      return;
    }
    if (present.has(entry.code)) {
      notify('info', `科目 ${entry.code} ${entry.name} 已在表中`);
      return;
    }
    setBusy(true);
    try {
      await session.addRows(table, [entry.code]);
      notify('info', `已添加科目 ${entry.code} ${entry.name}`);
      setQuery('');
      setActive(0);
    } catch (err) {
      notify('error', `添加科目失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, Math.max(0, matches.length - 1)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void add(matches[active]);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="subject-box">
      <label>
        <span>添加科目</span>
        <input
          className="subject-input"
          value={query}
          disabled={busy}
          placeholder="输入科目编码或名称，如 2010301 或 行政运行"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="subject-options"
        />
      </label>
      {ownCode && (
        <div className="subject-own">
          <span>科目 {ownCode} 不在本年度科目目录中，仍可添加：</span>
          <input
            className="subject-own-name"
            value={ownName}
            disabled={busy}
            placeholder="科目名称"
            aria-label="目录外科目的名称"
            onChange={(e) => setOwnName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void addOwn();
              }
            }}
          />
          <button type="button" disabled={busy} onClick={() => void addOwn()}>
            添加目录外科目
          </button>
        </div>
      )}
      {matches.length > 0 && (
        <ul className="subject-options" id="subject-options" role="listbox">
          {matches.map((m, i) => (
            <li
              key={m.code}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                void add(m);
              }}
            >
              <span className="code">{m.code}</span>
              <span className="name">{m.name}</span>
              {present.has(m.code) && <span className="present">已添加</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
