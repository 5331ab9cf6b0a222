import DashboardIcon from '@mui/icons-material/Dashboard';
import SettingsIcon from '@mui/icons-material/Settings';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import AssessmentIcon from '@mui/icons-material/Assessment';
import BackupIcon from '@mui/icons-material/Backup';
import InsightsIcon from '@mui/icons-material/Insights';
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain/roles';

/**
 * The screens of the app, in navigation order. Each screen lives in its own folder
 * (`screens/<id>/`) and registers here with one entry; the app frame builds the navigation from this
 * list. `roles` limits who sees it (default: owner and helper).
 */
export interface ScreenDef {
  id: 'home' | 'stock' | 'orders' | 'packing' | 'returns' | 'import' | 'reports' | 'settings' | 'backups' | 'results';
  label: { pl: string; en: string };
  /** An @mui/icons-material component. */
  icon: ComponentType;
  /** Lazy-loaded so the first paint stays fast. */
  load: () => Promise<{ default: ComponentType }>;
  roles?: readonly Role[];
}

export const SCREENS: ScreenDef[] = [
  { id: 'home', label: { pl: 'Pulpit', en: 'Dashboard' }, icon: DashboardIcon, load: () => import('./home/HomeScreen') },
  { id: 'stock', label: { pl: 'Magazyn', en: 'Stock' }, icon: WarehouseIcon, load: () => import('./stock/StockScreen') },
  { id: 'orders', label: { pl: 'Zamówienia', en: 'Orders' }, icon: ReceiptLongIcon, load: () => import('./orders/OrdersScreen') },
  { id: 'settings', label: { pl: 'Ustawienia', en: 'Settings' }, icon: SettingsIcon, load: () => import('./settings/SettingsScreen'), roles: ['owner'] },
  { id: 'import', label: { pl: 'Import', en: 'Import' }, icon: UploadFileIcon, load: () => import('./import/ImportScreen'), roles: ['owner'] },
  { id: 'packing', label: { pl: 'Pakowanie', en: 'Packing' }, icon: Inventory2Icon, load: () => import('./packing/PackingScreen') },
  { id: 'returns', label: { pl: 'Zwroty i reklamacje', en: 'Returns and complaints' }, icon: AssignmentReturnIcon, load: () => import('./returns/ReturnsScreen') },
  { id: 'results', label: { pl: 'Wyniki', en: 'Results' }, icon: InsightsIcon, load: () => import('./results/ResultsScreen'), roles: ['owner'] },
  { id: 'reports', label: { pl: 'Raporty', en: 'Reports' }, icon: AssessmentIcon, load: () => import('./reports/ReportsScreen'), roles: ['owner'] },
  { id: 'backups', label: { pl: 'Kopie zapasowe', en: 'Backups' }, icon: BackupIcon, load: () => import('./backups/BackupsScreen'), roles: ['owner'] },
];
