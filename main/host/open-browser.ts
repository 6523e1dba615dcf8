import { spawn } from 'node:child_process';

/** Opens the default browser if the machine has one; says nothing and does nothing otherwise. */
export const openInBrowser = (url: string, platform = process.platform, env = process.env): boolean => {
  const command =
    platform === 'win32'
      ? { file: 'cmd', args: ['/c', 'start', '""', url] }
      : platform === 'darwin'
        ? { file: 'open', args: [url] }
        : { file: 'xdg-open', args: [url] };
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return false;
  try {
    const child = spawn(command.file, command.args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
};
