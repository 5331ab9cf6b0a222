import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import MenuIcon from '@mui/icons-material/Menu';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { memo, useCallback, useMemo, useState } from 'react';
import { useLanguage, useT } from '../i18n/i18n';
import type { ScreenDef } from '../screens/registry';
import { appMessages } from './app.messages';
import { ImportActivityNotice } from './ImportActivityNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { hrefFor, type ScreenId, useRouteScreen } from './navigation';
import { ScreenHost } from './ScreenHost';
import { useRole, useSession } from './session';
import { visibleScreens } from './visible-screens';

// Wide enough for the longest label ("Zwroty i reklamacje") on one line.
const DRAWER_WIDTH = 256;

/**
 * The menu of screens. Memo'd: it changes only with the screen shown, the profile or the language, not
 * with the detail inside a screen (every scan on Pakowanie changes the address).
 */
const NavMenu = memo(function NavMenu({ screens, currentId, onNavigate }: { screens: ScreenDef[]; currentId: ScreenId | undefined; onNavigate: () => void }) {
  const t = useT(appMessages);
  const { lang } = useLanguage();
  return (
    <nav aria-label={t('navigation')}>
      <List sx={{ px: 1 }}>
        {screens.map((screen) => {
          const Icon = screen.icon;
          const selected = screen.id === currentId;
          return (
            <ListItemButton
              key={screen.id}
              component="a"
              href={hrefFor(screen.id)}
              selected={selected}
              aria-current={selected ? 'page' : undefined}
              data-screen={screen.id}
              onClick={onNavigate}
              sx={{ borderRadius: 1, mb: 0.5 }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>
                <Icon />
              </ListItemIcon>
              <ListItemText primary={screen.label[lang]} />
            </ListItemButton>
          );
        })}
      </List>
    </nav>
  );
});

/** The bar: app name, language and profile switch. Memo'd: nothing in it follows the address. */
const FrameBar = memo(function FrameBar({ wide, onOpenMenu }: { wide: boolean; onOpenMenu: () => void }) {
  const t = useT(appMessages);
  const role = useRole();
  const { switchProfile } = useSession();
  const profileName = role === 'owner' ? t('profileOwner') : t('profileHelper');
  return (
    /* The bar stays at MUI's app-bar level (below every drawer and dialog); only the permanent menu sits
       under it. Raised above the drawers, it covered the detail panels' title and ✕, and a click on that
       ✕ hit the profile button and logged the owner out (issue 13, point 7). */
    <AppBar position="fixed" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar sx={{ gap: 1.5 }}>
        {!wide && (
          <IconButton edge="start" aria-label={t('openMenu')} onClick={onOpenMenu}>
            <MenuIcon />
          </IconButton>
        )}
        <Typography variant="h6" component="div" sx={{ fontWeight: 700, color: 'primary.main', flexGrow: 1 }}>
          {t('appName')}
        </Typography>
        <LanguageSwitch />
        <Button
          variant="outlined"
          color="inherit"
          startIcon={<SwapHorizIcon />}
          onClick={switchProfile}
          aria-label={`${t('switchProfile')} (${t('currentProfile', { name: profileName })})`}
          data-current-role={role}
        >
          {profileName}
        </Button>
      </Toolbar>
    </AppBar>
  );
});

/**
 * The window around every screen: navigation built from the registry, language and profile switch.
 * It follows only which screen the address names (useRouteScreen), not the screen's own detail, so an
 * order opened on Pakowanie draws the packing view alone, not the frame around it (issue 16).
 */
export function AppFrame() {
  const role = useRole();
  const screenId = useRouteScreen();
  const wide = useMediaQuery('(min-width:900px)');
  const [menuOpen, setMenuOpen] = useState(false);
  const openMenu = useCallback(() => setMenuOpen(true), []);
  const closeMenu = useCallback(() => setMenuOpen(false), []);

  const screens = useMemo(() => visibleScreens(role), [role]);
  const current: ScreenDef | undefined = screens.find((s) => s.id === screenId) ?? screens[0];

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <FrameBar wide={wide} onOpenMenu={openMenu} />
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || menuOpen}
        onClose={closeMenu}
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', ...(wide ? { zIndex: (theme) => theme.zIndex.appBar - 1 } : {}) },
        }}
      >
        <Toolbar />
        <Divider />
        <NavMenu screens={screens} currentId={current?.id} onNavigate={closeMenu} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        {current ? <ScreenHost def={current} /> : null}
      </Box>
      <ImportActivityNotice />
    </Box>
  );
}
