/** 总分 and 等级 of a 自评表, with the rule and the sheet's own 提示. */
import type { ScoredSheet } from '../../../shared/perf/sheet';

export function TotalLine({ sheet, testId }: { sheet: ScoredSheet | undefined; testId: string }) {
  if (!sheet) return null;
  return (
    <div className="perf-total">
      <span>
        总分 <strong data-testid={`${testId}-total`}>{sheet.total ?? '—'}</strong>
      </span>
      <span>
        自评等级 <strong data-testid={`${testId}-grade`} className={`perf-grade perf-grade-${sheet.grade ?? 'none'}`}>{sheet.grade ?? '—'}</strong>
      </span>
      <span className="perf-rule">{sheet.totalRule}</span>
      {sheet.problems.length > 0 && (
        <ul className="perf-problems">
          {sheet.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
