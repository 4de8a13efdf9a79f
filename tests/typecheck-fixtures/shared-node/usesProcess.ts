// A shared/-like module reaching for Node: the shared config has no Node types.
export function dataFolder(): string {
  return process.env.APPDATA ?? '';
}
