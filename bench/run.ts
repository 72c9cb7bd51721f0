// `npm run bench -- <name>`: runs one benchmark against the shipped sandbox.
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
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await load();
