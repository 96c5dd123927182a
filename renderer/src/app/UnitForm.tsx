import { useState, type FormEvent } from 'react';
import { apiSchemas, UNIT_KINDS, type Api, type Unit, type UnitKind } from '../../../shared/api/contract';
import { errorText } from './reportSession';

interface Props {
  api: Api;
  units: Unit[];
  onCreated(unit: Unit): void;
  onCancel?: () => void;
}

/** 新建单位: the back end validates; its Chinese message is shown inline, next to the form. */
export function UnitForm({ api, units, onCreated, onCancel }: Props) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>(UNIT_KINDS[0]);
  const [parent, setParent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setError('请填写单位编码');
    if (!name.trim()) return setError('请填写单位名称');
    // The contract's own schema gives the clerk its plain message before any round trip.
    const checked = apiSchemas.addUnit.safeParse({ code, name, kind, parent: parent || null });
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '填写内容有误');
    setBusy(true);
    setError(null);
    try {
      const unit = await api.addUnit(checked.data);
      onCreated(unit);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="unit-form" onSubmit={(e) => void submit(e)}>
      <label>
        <span>单位编码</span>
        <input name="code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="如 101001" autoFocus />
      </label>
      <label>
        <span>单位名称</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="单位全称" />
      </label>
      <label>
        <span>单位类型</span>
        <select name="kind" value={kind} onChange={(e) => setKind(UNIT_KINDS.find((k) => k === e.target.value) ?? UNIT_KINDS[0])}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>上级单位</span>
        <select name="parent" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">（无）</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.code} {u.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在创建…' : '创建单位'}
        </button>
      </div>
    </form>
  );
}
