/** A header tree: leaves are data columns, groups are merged header cells above them. */
export type HeaderNode<T> = { kind: 'leaf'; leaf: T } | { kind: 'group'; label: string; children: HeaderNode<T>[] };

/**
 * Merges adjacent columns that share a group path into one header cell per level, as the printed
 * table does (本年支出 over 小计 | 基本支出 | 项目支出). Only neighbours merge: the same group name
 * further along starts a new header cell, so the header never reorders columns.
 */
export function buildHeaderTree<T>(leaves: { groups: readonly string[]; leaf: T }[], depth = 0): HeaderNode<T>[] {
  const nodes: HeaderNode<T>[] = [];
  let i = 0;
  while (i < leaves.length) {
    const current = leaves[i];
    if (!current) break;
    const label = current.groups[depth];
    if (label === undefined) {
      nodes.push({ kind: 'leaf', leaf: current.leaf });
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < leaves.length && leaves[j]?.groups[depth] === label && samePrefix(leaves[j]?.groups ?? [], current.groups, depth)) j += 1;
    nodes.push({ kind: 'group', label, children: buildHeaderTree(leaves.slice(i, j), depth + 1) });
    i = j;
  }
  return nodes;
}

function samePrefix(a: readonly string[], b: readonly string[], depth: number): boolean {
  for (let k = 0; k < depth; k += 1) if (a[k] !== b[k]) return false;
  return true;
}
