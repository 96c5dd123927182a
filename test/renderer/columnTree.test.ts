import { describe, expect, it } from 'vitest';
import { buildHeaderTree } from '../../renderer/src/table/columnTree';

describe('buildHeaderTree', () => {
  it('merges adjacent columns sharing a group into one header cell', () => {
    const tree = buildHeaderTree([
      { groups: [], leaf: 'c1' },
      { groups: ['本年支出'], leaf: 'c3' },
      { groups: ['本年支出'], leaf: 'c4' },
      { groups: ['本年支出'], leaf: 'c5' },
      { groups: [], leaf: 'c6' },
    ]);
    expect(tree).toEqual([
      { kind: 'leaf', leaf: 'c1' },
      {
        kind: 'group',
        label: '本年支出',
        children: [
          { kind: 'leaf', leaf: 'c3' },
          { kind: 'leaf', leaf: 'c4' },
          { kind: 'leaf', leaf: 'c5' },
        ],
      },
      { kind: 'leaf', leaf: 'c6' },
    ]);
  });

  it('nests deeper paths and never merges non-neighbours or different parents', () => {
    const tree = buildHeaderTree([
      { groups: ['年初', '小计'], leaf: 'a' },
      { groups: ['年初', '小计'], leaf: 'b' },
      { groups: ['年末', '小计'], leaf: 'c' },
      { groups: [], leaf: 'd' },
      { groups: ['年初'], leaf: 'e' },
    ]);
    expect(tree.map((n) => (n.kind === 'group' ? n.label : n.leaf))).toEqual(['年初', '年末', 'd', '年初']);
    const first = tree[0];
    expect(first?.kind === 'group' && first.children).toEqual([
      { kind: 'group', label: '小计', children: [{ kind: 'leaf', leaf: 'a' }, { kind: 'leaf', leaf: 'b' }] },
    ]);
  });
});
