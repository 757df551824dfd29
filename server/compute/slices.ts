import type { MessagePort } from 'node:worker_threads';

/**
 * A plan's rows and scores cross between the event loop and a compute thread in slices (issue 13, item 5). One
 * message of a 5,000-indicator snapshot (7 MB) cost 250–300 ms of the event loop to copy, and one of its scores with
 * their explanations (5 MB) as much to read back: as long as the scoring the thread saved. A slice of a thousand
 * rows is copied in a few milliseconds, and each message received is a task of the event loop of its own.
 *
 * A record travels as its fields: arrays and maps in slices, anything else whole, then `null` for the end.
 */
export const SLICE_ITEMS = 1_000;

type Part = [key: string, kind: 'array' | 'map' | 'value', items: unknown];

/** Posts `value` (a record of arrays, maps and plain values) in slices, awaiting `turn` before each message. */
export async function sendInSlices(
  port: MessagePort,
  value: object,
  turn: () => Promise<void> = async () => {},
  slice = SLICE_ITEMS,
): Promise<void> {
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field) || field instanceof Map) {
      const items: unknown[] = Array.isArray(field) ? field : [...field];
      const kind = Array.isArray(field) ? 'array' : 'map';
      // an empty one still goes: the receiver then knows its kind
      for (let at = 0; at === 0 || at < items.length; at += slice) {
        await turn();
        port.postMessage([key, kind, items.slice(at, at + slice)] satisfies Part);
      }
    } else {
      await turn();
      port.postMessage([key, 'value', field] satisfies Part);
    }
  }
  port.postMessage(null);
}

/** The record sendInSlices posts, put together again; rejects if the port closes before its end. */
export function receiveSlices<T>(port: MessagePort): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const out: Record<string, unknown> = {};
    const onClose = () => reject(new Error('the channel closed before the end of the record'));
    const onMessage = (part: Part | null) => {
      if (part === null) {
        // the next record on this port (an answer may be two) gets its own listener
        port.off('close', onClose);
        port.off('message', onMessage);
        resolve(out as T);
        return;
      }
      const [key, kind, items] = part;
      if (kind === 'value') out[key] = items;
      else if (kind === 'array') {
        const list = (out[key] ??= []) as unknown[];
        for (const item of items as unknown[]) list.push(item);
      } else {
        const map = (out[key] ??= new Map()) as Map<unknown, unknown>;
        for (const [k, v] of items as Array<[unknown, unknown]>) map.set(k, v);
      }
    };
    port.on('close', onClose);
    port.on('message', onMessage);
  });
}
