import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Noto Sans (SIL Open Font License, resources/fonts/NotoSans-OFL.txt), latin + latin-ext subsets, regular
 * and bold. Embedded into every printed document as data: URLs because the print window and the browser
 * harness load nothing from the network or the disk, and a printer's default font may lack ą, ł, ż.
 */
const FACES = [
  { file: 'noto-sans-latin-400-normal.woff2', weight: 400, range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { file: 'noto-sans-latin-ext-400-normal.woff2', weight: 400, range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
  { file: 'noto-sans-latin-700-normal.woff2', weight: 700, range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { file: 'noto-sans-latin-ext-700-normal.woff2', weight: 700, range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
] as const;

/** The family name templates use in `font-family`. */
export const PRINT_FONT_FAMILY = 'Zaplecze Noto Sans';

/**
 * Where resources/fonts is: ZAPLECZE_RESOURCES_DIR (tests, portable installs), the packaged app's
 * resources folder (electron-builder `extraResources: resources/fonts → fonts`), or the source tree
 * above this file (CLI through tsx, tests, the bundled main process in out/main).
 */
export function findFontsDir(env: NodeJS.ProcessEnv = process.env): string {
  const probe = FACES[0].file;
  const candidates: string[] = [];
  if (env.ZAPLECZE_RESOURCES_DIR) candidates.push(join(env.ZAPLECZE_RESOURCES_DIR, 'fonts'));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'), join(resourcesPath, 'resources', 'fonts'));
  let dir = __dirname;
  for (let up = 0; up < 6; up++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, probe)));
  if (!found) throw new Error(`The print font (${probe}) was not found; looked in: ${candidates.join(', ')}`);
  return found;
}

let cachedCss: string | null = null;

/** `@font-face` rules with the font files inlined (about 190 kB of CSS; built once per process). */
export function embeddedFontCss(): string {
  if (cachedCss !== null) return cachedCss;
  const dir = findFontsDir();
  cachedCss = FACES.map((face) => {
    const data = readFileSync(join(dir, face.file)).toString('base64');
    return `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-style:normal;font-display:block;font-weight:${face.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${face.range};}`;
  }).join('\n');
  return cachedCss;
}
