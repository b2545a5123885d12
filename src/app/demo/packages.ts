/** package.json and package-lock.json of the demo's Node repositories, which dependabot bumps. */

/** Dependencies and their versions, by package name. */
export type Dependencies = Record<string, string>;

/** The dependencies each Node repository starts with. */
export const INITIAL_DEPENDENCIES: Record<"shop-api" | "web", Dependencies> = {
  "shop-api": { express: "4.18.2", pg: "8.11.0", stripe: "12.9.0", zod: "3.21.4" },
  web: { react: "18.2.0", "react-dom": "18.2.0", "react-router-dom": "6.11.2", vite: "4.3.9" },
};

/** package.json for `name` with `dependencies`. */
export function packageJson(name: string, dependencies: Dependencies): string {
  const manifest = {
    name: `@acme/${name}`,
    version: "1.0.0",
    private: true,
    type: "module",
    scripts: { build: "tsc -p .", test: "vitest run", lint: "biome check ." },
    dependencies: sorted(dependencies),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A package-lock.json (lockfile v3) pinning `dependencies`. */
export function packageLock(name: string, dependencies: Dependencies): string {
  const packages: Record<string, unknown> = {
    "": { name: `@acme/${name}`, version: "1.0.0", dependencies: sorted(dependencies) },
  };
  for (const [dependency, version] of Object.entries(sorted(dependencies))) {
    packages[`node_modules/${dependency}`] = {
      version,
      resolved: `https://registry.npmjs.org/${dependency}/-/${dependency.replace(/^@[^/]+\//, "")}-${version}.tgz`,
    };
  }
  const lock = { name: `@acme/${name}`, version: "1.0.0", lockfileVersion: 3, packages };
  return `${JSON.stringify(lock, null, 2)}\n`;
}

function sorted(dependencies: Dependencies): Dependencies {
  return Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
}
