/** Who is using the app. The helper packs and registers returns; the owner does everything. */
export const ROLES = ['owner', 'helper'] as const;
export type Role = (typeof ROLES)[number];

/** Who wrote a row: a person's role, or the system itself (demo generator, migrations, automatic backup). */
export type Actor = Role | 'system';

/**
 * Who may make a call: `public` needs no profile (choosing one, app info), `staff` needs any profile,
 * `owner` only the owner (purchase prices, undoing imports, forcing a pack, settings).
 */
export type Access = 'public' | 'staff' | 'owner';
