// `npm run bench -- <name> [argument]`: runs one benchmark against the shipped sandbox; the benchmark
// reads its own argument (process.argv[3]), e.g. `npm run bench -- roundtrip shopify`.
const benches: Record<string, () => Promise<unknown>> = {
  attack: () => import('./attack.js'),
  'import-backlog': () => import('./import-backlog.js'),
  'import-throughput': () => import('./import-throughput.js'),
  roundtrip: () => import('./roundtrip.js'),
  'scale-out': () => import('./scale-out.js'),
};

const name = process.argv[2];
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [argument]`);
  console.error('  roundtrip [woocommerce|shopify|magento2]: the store platform (default woocommerce)');
  process.exit(2);
}
await load();
