import type { Role } from '../../../shared/domain/roles';
import { SCREENS, type ScreenDef } from '../screens/registry';

/** Navigation order, whatever order the registry's entries were added in. */
const ORDER: Array<ScreenDef['id']> = ['home', 'stock', 'orders', 'packing', 'returns', 'import', 'reports', 'settings'];

/** The screens this profile may open, in navigation order (hidden ones are refused by the core anyway). */
export function visibleScreens(role: Role, screens: readonly ScreenDef[] = SCREENS): ScreenDef[] {
  return screens
    .filter((s) => !s.roles || s.roles.includes(role))
    .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
}
