import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://localhost:${process.env.API_PORT || 8787}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.VITE_PORT || 5173),
    strictPort: true,
    proxy: {
      // changeOrigin makes the API server see its own host; it is started with
      // SORA_KIT_PUBLIC_URL=http://localhost:5173/api/sora (see dev.mjs), so the page's origin
      // passes the origin check and links point back through this proxy.
      '/api/sora': { target: api, changeOrigin: true },
    },
  },
});
