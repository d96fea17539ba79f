// Builds the embed, count and admin bundles, the stylesheets and the catalogues into src/Parley/wwwroot.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(client, '..', 'src', 'Parley', 'wwwroot');

const codes = (await readdir(join(client, 'i18n'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
await rm(join(out, 'js'), { recursive: true, force: true });
await mkdir(join(out, 'js', 'i18n'), { recursive: true });
await mkdir(join(out, 'css'), { recursive: true });

// One file per language for the embed; every language's comment count text in one file for the counter widget.
const counts = {};
for (const code of codes) {
  const catalogue = JSON.parse(await readFile(join(client, 'i18n', `${code}.json`), 'utf8'));
  counts[code] = catalogue['num-comments'];
  await writeFile(join(out, 'js', 'i18n', `${code}.json`), JSON.stringify(catalogue));
}
await writeFile(join(out, 'js', 'i18n', 'counts.json'), JSON.stringify(counts));

const common = {
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __PARLEY_LANGS__: JSON.stringify(codes) },
  logLevel: 'warning',
};
for (const name of ['embed', 'count']) {
  const entry = join(client, name, 'main.js');
  await build({ ...common, entryPoints: [entry], outfile: join(out, 'js', `${name}.dev.js`) });
  await build({ ...common, entryPoints: [entry], outfile: join(out, 'js', `${name}.min.js`), minify: true });
}
// The proof-of-work solver, loaded by the embed only where the site asks for proof of work.
await build({ ...common, entryPoints: [join(client, 'embed', 'solver.js')], outfile: join(out, 'js', 'solver.min.js'), minify: true });
// The admin panel is served by Parley itself, only minified.
await build({ ...common, entryPoints: [join(client, 'admin', 'main.js')], outfile: join(out, 'js', 'admin.js'), minify: true });
for (const sheet of ['isso', 'admin']) {
  await build({ entryPoints: [join(client, 'css', `${sheet}.css`)], outfile: join(out, 'css', `${sheet}.css`), minify: true, logLevel: 'warning' });
}
console.log(`built embed, count, admin, the stylesheets and ${codes.length} catalogues into ${out}`);
