interface Props<T extends string> {
  label: string;
  value: T | '';
  choices: readonly T[];
  /** The words of the empty choice, when the field may stay empty. */
  blank?: string;
  /** A choice from the list, or '' for the empty choice (offered only with `blank`); never any other text. */
  onChange(value: T | ''): void;
}

/** One labelled drop-down row of a form (单位类型, 预算级次, …). */
export function ChoiceRow<T extends string>({ label, value, choices, blank, onChange }: Props<T>) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(choices.find((c) => c === e.target.value) ?? (blank === undefined ? value : ''))}>
        {blank !== undefined && <option value="">{blank}</option>}
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}
