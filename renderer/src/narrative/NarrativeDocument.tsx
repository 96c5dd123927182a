/**
 * The generated 情况说明 as it will print. Figures computed from the tables are marked, «…» the clerk
 * still owes are highlighted (a click jumps to the field), and any paragraph can be rewritten by
 * hand; a rewrite is then checked against the tables and its differences are listed under it.
 */
import { memo, useState } from 'react';
import type { NarrativeCheckResult } from '../../../shared/narrative/check';
import { blockText, type Block, type Run } from '../../../shared/narrative/document';

interface Props {
  blocks: readonly Block[];
  edits: Readonly<Record<string, string>>;
  checks: readonly NarrativeCheckResult[];
  onField(key: string): void;
  /** Stores a rewrite (null restores the generated wording); resolves to an error text or null. */
  onRewrite(paragraphId: string, text: string | null): Promise<string | null>;
}

const RUN_TITLES: Record<Run['kind'], string> = {
  text: '',
  number: '由报表数字生成',
  word: '按增减方向生成',
  field: '填报人撰写的文字',
  input: '填报人在表单中填写的内容',
};

function RunSpan({ run, onField }: { run: Run; onField(key: string): void }) {
  if (run.kind === 'text') return <>{run.text}</>;
  const jump = (run.kind === 'field' || run.kind === 'input') && run.key !== undefined;
  const title = run.empty ? '待填写：点击转到填写处' : `${RUN_TITLES[run.kind]}${run.key && run.kind === 'number' ? `（${run.key}）` : ''}`;
  return (
    <span
      className={`nv-run nv-${run.kind}${run.empty ? ' nv-empty' : ''}`}
      title={title}
      onClick={jump && run.key ? () => onField(run.key ?? '') : undefined}
    >
      {run.text}
    </span>
  );
}

function Heading({ block }: { block: Block }) {
  const text = blockText(block);
  if (block.type !== 'heading') return null;
  if (block.level === 1) return <h3 className="nv-h1">{text}</h3>;
  if (block.level === 2) return <h4 className="nv-h2">{text}</h4>;
  return <h5 className="nv-h3">{text}</h5>;
}

interface ParagraphProps {
  block: Extract<Block, { type: 'paragraph' }>;
  edited: string | undefined;
  checks: readonly NarrativeCheckResult[];
  onField(key: string): void;
  onRewrite: Props['onRewrite'];
}

const Paragraph = memo(function Paragraph({ block, edited, checks, onField, onRewrite }: ParagraphProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const store = async (text: string | null) => {
    setBusy(true);
    const failed = await onRewrite(block.id, text);
    setBusy(false);
    setError(failed);
    if (!failed) setDraft(null);
  };
  const mismatches = checks.filter((c) => edited !== undefined || c.id !== 'N-0');
  // The pack's standard wording (口径说明, 名词解释 …) is “modified” for this report, not “rewritten”.
  const fixed = block.fixed === true;
  return (
    <div className={`nv-para${edited !== undefined ? ' edited' : ''}${mismatches.length > 0 ? ' flagged' : ''}`} data-paragraph={block.id}>
      {draft === null ? (
        <>
          <p>
            {edited !== undefined ? <span className="nv-edited-text">{edited}</span> : block.runs.map((r, i) => <RunSpan key={i} run={r} onField={onField} />)}
          </p>
          <div className="nv-para-tools">
            {edited !== undefined && <span className="nv-edited-badge">{fixed ? '已修改（本报表）' : '已改写'}</span>}
            {fixed && edited === undefined && <span className="nv-fixed-badge">标准文字</span>}
            <button type="button" className="nv-link" onClick={() => setDraft(edited ?? blockText(block))}>
              {fixed ? '修改' : '改写'}
            </button>
            {edited !== undefined && (
              <button type="button" className="nv-link" disabled={busy} onClick={() => void store(null)}>
                {fixed ? '恢复标准文字' : '恢复自动生成'}
              </button>
            )}
          </div>
        </>
      ) : (
        <div className="nv-rewrite">
          <textarea aria-label={fixed ? '修改标准文字' : '改写段落'} value={draft} rows={Math.min(12, Math.max(3, Math.ceil(draft.length / 60)))} onChange={(e) => setDraft(e.target.value)} />
          <div className="nv-rewrite-actions">
            <button type="button" className="primary" disabled={busy || draft.trim() === ''} onClick={() => void store(draft.trim())}>
              {fixed ? '保存修改' : '保存改写'}
            </button>
            <button type="button" disabled={busy} onClick={() => setDraft(null)}>
              取消
            </button>
            <span className="nv-hint">{fixed ? '报表格式的标准文字；修改只对本报表有效，导出时使用修改后的文字。' : '改写后的数字和增减用词会与报表核对。'}</span>
          </div>
        </div>
      )}
      {error && (
        <p className="nv-field-error" role="alert">
          {error}
        </p>
      )}
      {mismatches.length > 0 && (
        <ul className="nv-para-checks">
          {mismatches.map((c, i) => (
            <li key={i}>
              <span className="nv-check-id">{c.id}</span> {c.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

export function NarrativeDocument({ blocks, edits, checks, onField, onRewrite }: Props) {
  const byParagraph = new Map<string, NarrativeCheckResult[]>();
  for (const c of checks) {
    if (c.paragraphId === null) continue;
    const list = byParagraph.get(c.paragraphId) ?? [];
    list.push(c);
    byParagraph.set(c.paragraphId, list);
  }
  return (
    <div className="nv-doc-body">
      {blocks.map((b) =>
        b.type === 'heading' ? (
          <Heading key={b.id} block={b} />
        ) : (
          <Paragraph key={b.id} block={b} edited={edits[b.id]} checks={byParagraph.get(b.id) ?? NONE} onField={onField} onRewrite={onRewrite} />
        ),
      )}
    </div>
  );
}

const NONE: readonly NarrativeCheckResult[] = [];
