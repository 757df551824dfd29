/** a list whose places read are counted (the rows a pass over it looks at) */
export function counted<T extends object>(rows: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}
