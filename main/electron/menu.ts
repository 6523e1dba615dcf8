import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

/** A short menu in the person's language; the edit roles matter (copy and paste in forms). */
export const buildMenu = (t: TFunction): Menu => {
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu:app'),
      submenu: [{ role: 'quit', label: t('menu:quit') }],
    },
    {
      label: t('menu:edit'),
      submenu: [
        { role: 'undo', label: t('menu:undo') },
        { role: 'redo', label: t('menu:redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu:cut') },
        { role: 'copy', label: t('menu:copy') },
        { role: 'paste', label: t('menu:paste') },
        { role: 'selectAll', label: t('menu:selectAll') },
      ],
    },
    {
      label: t('menu:view'),
      submenu: [
        { role: 'togglefullscreen', label: t('menu:fullScreen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: t('menu:devTools') } as const]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
};
