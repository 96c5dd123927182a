/** js-yaml ships no types; electron-builder brings it, and the packaging test reads its YAML with it. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
