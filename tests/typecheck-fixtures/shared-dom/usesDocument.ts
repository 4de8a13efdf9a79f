// A shared/-like module reaching for the browser: the shared config has no DOM lib.
export function pageTitle(): string {
  return document.title;
}

export function stored(key: string): string | null {
  return window.localStorage.getItem(key);
}
