/**
 * Stands in for the `mermaid` package in builds where no record has a
 * ```mermaid block (src/integrations/roadmap.ts aliases `mermaid` to this file):
 * no page then renders MermaidLoader, so nothing imports it at run time, and
 * the build does not bundle mermaid's 3.5 MB (2–3 s of every build).
 */
export default {};
