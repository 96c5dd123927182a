/**
 * Which backups to keep, as Actual Budget keeps them: the newest several of today, the newest one of
 * each of the previous 30 days, and never more than a fixed number in all. Pure, so it is tested alone.
 */
export interface RetentionPolicy {
  /** Backups kept from today. */
  today: number;
  /** Days before today that keep their newest backup. */
  days: number;
  /** Backups kept at most. */
  max: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 10, days: 30, max: 50 };

export interface Dated {
  name: string;
  at: Date;
}

/** Local calendar day number: a clerk's "today" is their own day, not UTC's. */
function dayNumber(date: Date): number {
  return Math.round(new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / 86_400_000);
}

/** The names to delete (the rest are kept). */
export function backupsToRemove(backups: readonly Dated[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const today = dayNumber(now);
  const keep: Dated[] = [];
  let keptToday = 0;
  const daysKept = new Set<number>();
  for (const backup of newestFirst) {
    const age = today - dayNumber(backup.at);
    if (age <= 0) {
      // Today's (or dated in the future by a clock change: treated as today's, never dropped as old).
      if (keptToday < policy.today) {
        keep.push(backup);
        keptToday += 1;
      }
    } else if (age <= policy.days && !daysKept.has(age)) {
      daysKept.add(age);
      keep.push(backup);
    }
  }
  const kept = new Set(keep.slice(0, policy.max).map((b) => b.name));
  return newestFirst.filter((b) => !kept.has(b.name)).map((b) => b.name);
}
