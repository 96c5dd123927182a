/**
 * A Chinese application menu. Undo/redo are deliberately absent: the grid keeps its own undo stack
 * (Ctrl+Z / Ctrl+Y reach the page as key events); copy and paste use the roles so that the page
 * receives real copy/paste events.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function installMenu(getWindow: () => BrowserWindow | null, dbPath: string): void {
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于决算工作站',
          click: () => {
            const win = getWindow();
            const options = { type: 'info' as const, title: '关于', message: `决算工作站 ${app.getVersion()}`, detail: `部门决算编报桌面工具（离线使用）。数据保存在本机。\n数据库：${dbPath}` };
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
