import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';

interface DrawerHeaderProps {
  title: ReactNode;
  /** A grey line under the title (numbers, stock summary); left out while unknown. */
  subtitle?: ReactNode;
  /** The ✕ button: the drawer decides whether unsaved changes must be confirmed first. */
  onClose: () => void;
  sx?: SxProps<Theme>;
}

/** The top of a detail drawer (an order, a product): its title on the left, the close button on the right. */
export function DrawerHeader({ title, subtitle, onClose, sx }: DrawerHeaderProps) {
  const t = useT(commonMessages);
  return (
    <Stack direction="row" sx={[{ justifyContent: 'space-between', alignItems: 'flex-start' }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <div>
        <Typography variant="h5" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
      </div>
      <IconButton onClick={onClose} aria-label={t('close')}>
        <CloseIcon />
      </IconButton>
    </Stack>
  );
}
