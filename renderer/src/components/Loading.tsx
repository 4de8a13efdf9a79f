/**
 * Shown while data or a screen's code is loading — usually for a blink. Plain HTML (styled in
 * app/firstScreen.css), not MUI: it is on the very first screen, whose code should be small.
 */
export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div className={fullScreen ? 'fs-loading fs-loading--full' : 'fs-loading'}>
      <p role="status">正在加载…</p>
    </div>
  );
}
