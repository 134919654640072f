// Development: the API server on API_PORT (8787) and the Vite dev server on 5173 proxying to it.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT || '8787';
const vitePort = process.env.VITE_PORT || '5173';
const env = { ...process.env, API_PORT: apiPort, VITE_PORT: vitePort };
const children = [
  spawn(process.execPath, ['server.mjs'], {
    stdio: 'inherit',
    env: { ...env, PORT: apiPort, SORA_KIT_PUBLIC_URL: `http://localhost:${vitePort}/api/sora` },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit', env }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
