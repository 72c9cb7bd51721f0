import type { SeededRandom } from './seeded-random.js';

/** Amazon order id, 3-7-7 digits (XSD pattern \w{3}-\w{7}-\w{7}), unique in the sandbox. */
export function newOrderId(rng: SeededRandom, prefixes: readonly string[], taken: (id: string) => boolean): string {
  for (;;) {
    const id = `${rng.pick(prefixes)}-${rng.digits(7)}-${rng.digits(7)}`;
    if (!taken(id)) return id;
  }
}

/** Order item id: 14 digits (XSD AmazonOrderItemCode). */
export function newOrderItemId(rng: SeededRandom): string {
  return `${rng.int(1, 9)}${rng.digits(13)}`;
}
