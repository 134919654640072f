/**
 * The Custom Elements Manifest (`cem analyze`, run by the build and by `pnpm storybook:manifest`):
 * the four elements and their base class, public API only.
 */

/** Drops private and protected members: they are no API for hosts, designers or IDEs. */
function publicMembersOnly() {
  return {
    name: 'sora-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected',
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/*/sora-*.ts', 'src/shared/sora-element.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  // package.json already names the manifest (`customElements`); the analyzer need not rewrite it.
  packagejson: false,
  outdir: '.',
  plugins: [publicMembersOnly()],
};
