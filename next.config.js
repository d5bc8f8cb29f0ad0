// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only database drivers stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
