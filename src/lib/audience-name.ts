/** The audience this build is for: ROADMAP_AUDIENCE, default `public` (safe by default). */
export function audienceName(): string {
  return process.env.ROADMAP_AUDIENCE?.trim() || 'public';
}
