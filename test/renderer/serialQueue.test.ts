import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../renderer/src/edit/serialQueue';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, even when an earlier one is slower or fails', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = queue.run(async () => {
      log.push('a start');
      await delay(30);
      log.push('a end');
      return 1;
    });
    const b = queue.run(async () => {
      log.push('b start');
      throw new Error('写入失败');
    });
    const c = queue.run(async () => {
      log.push('c start');
      return 3;
    });
    expect(queue.size).toBe(3);
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('写入失败');
    await expect(c).resolves.toBe(3);
    expect(log).toEqual(['a start', 'a end', 'b start', 'c start']);
    await delay(0);
    expect(queue.size).toBe(0);
  });
});
