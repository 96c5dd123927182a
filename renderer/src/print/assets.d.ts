/** Vite's `?url` imports: the URL of a bundled file (the pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
