import type { Role } from '../../../shared/domain/roles';
import { SCREENS, type ScreenDef } from '../screens/registry';

/**
 * Navigation order, whatever order the registry's entries were added in. A Record over every screen id,
 * so a new screen without a place here is a compile error instead of silently jumping to the top.
 */
const POSITION: Record<ScreenDef['id'], number> = {
  home: 0,
  stock: 1,
  orders: 2,
  packing: 3,
  returns: 4,
  import: 5,
  results: 5.5,
  reports: 6,
  backups: 7,
  settings: 8,
};

/** The screens this profile may open, in navigation order (hidden ones are refused by the core anyway). */
export function visibleScreens(role: Role, screens: readonly ScreenDef[] = SCREENS): ScreenDef[] {
  return screens
    .filter((s) => !s.roles || s.roles.includes(role))
    .sort((a, b) => POSITION[a.id] - POSITION[b.id]);
}
