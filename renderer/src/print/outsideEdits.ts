/**
 * Edits that do not pass through the report session's cell events (the 绩效自评's register, 自评表 and
 * report texts are saved by their own Api calls) announce themselves here, so the 已打印 mark is asked
 * again and turns 已过时 when a printed 自评表 changes.
 */
const edits = new EventTarget();

export function announceOutsideEdit(): void {
  edits.dispatchEvent(new Event('edit'));
}

export function onOutsideEdit(listener: () => void): () => void {
  edits.addEventListener('edit', listener);
  return () => edits.removeEventListener('edit', listener);
}
