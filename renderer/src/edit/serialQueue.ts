/**
 * Runs async tasks one after another, in the order they were queued. Edits must reach the store in
 * the order the clerk made them, even when a write is slow; a failed task does not stop the next.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.done(),
      () => this.done(),
    );
    return result;
  }

  get size(): number {
    return this.pending;
  }

  private done(): void {
    this.pending -= 1;
  }
}
