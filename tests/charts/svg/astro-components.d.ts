// tsc without Astro's language-server plugin cannot read .astro files: for
// the SVG tests, an imported component is just something the container renders.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
