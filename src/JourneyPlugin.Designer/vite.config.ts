import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a server started with `dotnet run --project src/JourneyPlugin.Server`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': process.env.JOURNEYPLUGIN_SERVER ?? 'http://localhost:5080',
      '/health': process.env.JOURNEYPLUGIN_SERVER ?? 'http://localhost:5080',
    },
  },
});
