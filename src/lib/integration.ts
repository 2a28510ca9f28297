/**
 * The `roadmap` Astro integration: validates every record before Astro builds
 * anything. A build with errors prints them all (the same lines as
 * `npm run check`) and stops before `dist/` is written; the dev server prints
 * them and keeps running, and the page shows the error until it is fixed.
 */
import type { AstroIntegration } from 'astro';
import { runCheck } from '../../scripts/check.ts';
import { contentDir } from './read-content.ts';
import { audienceName } from './audience-name.ts';
import { shareInput } from './shared-input.ts';

export function roadmap(): AstroIntegration {
  return {
    name: 'roadmap',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const dir = contentDir();
        const audience = audienceName();
        const result = await runCheck(dir, { strict: process.env.ROADMAP_STRICT === '1', audience });
        if (result.exitCode === 0) {
          if (command === 'build' && result.input) shareInput({ dir, audience, input: result.input });
          logger.info(result.output.trim().split('\n').at(-1) ?? 'content is valid');
          return;
        }
        process.stderr.write(result.output);
        if (command === 'build') {
          throw new Error('The content has errors (listed above); nothing was built. Fix them and run `npm run check`.');
        }
      },
    },
  };
}
